using System.Text;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Several invocations in one environment (Lambda Managed Instances), and queueing when slots are busy.</summary>
public sealed class ConcurrencyTests
{
    [Fact(Timeout = 30000)]
    public async Task MaxConcurrencyAboveOne_DeliversSeveralInvocationsAtOnceEachWithItsOwnRequestId()
    {
        var options = Emulators.Options() with { MaxConcurrency = 3 };
        await using var emulator = await Emulators.StartAsync(Emulators.External(timeout: TimeSpan.FromSeconds(10)), options);
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invokes = Enumerable.Range(0, 3).Select(i => emulator.InvokeAsync(Json.Bytes($$"""{"n":{{i}}}"""))).ToList();
        var nexts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => runtime.NextAsync()));
        // All three are outstanding now; answer them in reverse order, each with its own event.
        foreach (var next in nexts.Reverse()) (await runtime.RespondAsync(next.RequestId, next.Body)).Dispose();
        var results = await Task.WhenAll(invokes);

        Assert.Equal(3, nexts.Select(n => n.RequestId).Distinct().Count());
        for (var i = 0; i < 3; i++) Assert.Equal($$"""{"n":{{i}}}""", Json.Text(results[i].Payload));
    }

    [Fact(Timeout = 30000)]
    public async Task AllSlotsBusy_QueuesTheNextInvocationUntilOneIsFree()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External(timeout: TimeSpan.FromSeconds(10)));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var first = emulator.InvokeAsync(Json.Bytes("1"));
        var firstNext = await runtime.NextAsync();
        var second = emulator.InvokeAsync(Json.Bytes("2"));
        var secondNextTask = runtime.NextAsync();
        await Task.Delay(300);
        var secondDeliveredEarly = secondNextTask.IsCompleted;
        (await runtime.RespondAsync(firstNext.RequestId, firstNext.Body)).Dispose();
        var secondNext = await secondNextTask;
        (await runtime.RespondAsync(secondNext.RequestId, secondNext.Body)).Dispose();

        Assert.False(secondDeliveredEarly);
        Assert.Equal("1", Json.Text((await first).Payload));
        Assert.Equal("2", Json.Text((await second).Payload));
    }

    [Fact(Timeout = 30000)]
    public async Task MaxConcurrency_IsGivenToTheRuntimeAsAwsLambdaMaxConcurrency()
    {
        using var scratch = new TempDirectory();
        var dump = scratch.File("env");
        var wrapper = scratch.AddExecutable("wrapper", $"#!/usr/bin/env bash\nenv > '{dump}'\nexec \"$@\"\n");
        var function = Emulators.Shell(environment: new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper });
        await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { MaxConcurrency = 4 });

        await emulator.InitializeAsync();

        Assert.Contains("AWS_LAMBDA_MAX_CONCURRENCY=4", File.ReadAllLines(dump));
    }

    [Fact(Timeout = 60000)]
    public async Task ManagedInstances_ATimeoutFailsOnlyThatInvocation_AndTheEnvironmentCarriesOn()
    {
        // 10 s: the answered invocation has the same deadline, and a loaded CI machine took past 1 s to serve it.
        var function = Emulators.External(timeout: TimeSpan.FromSeconds(10));
        await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { MaxConcurrency = 2 });
        using var stuckWorker = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var worker = new ExternalRuntime(emulator.RuntimeApiAddress);

        // One worker takes the first invocation and never answers it; the other serves everything else.
        var stuck = stuckWorker.NextAsync();
        var slow = emulator.InvokeAsync(Json.Bytes("""{"n":"stuck"}"""));
        await stuck;
        using var stop = new CancellationTokenSource();
        var serving = worker.ServeAsync(next => next.Body, stop.Token);
        var timedOut = await slow;
        var after = await emulator.InvokeAsync(Json.Bytes("""{"n":"after"}"""));
        await stop.CancelAsync();
        await serving;

        Assert.True(timedOut.TimedOut);
        Assert.Equal("Sandbox.Timedout", timedOut.ErrorType);
        Assert.True(after.FunctionError is null,
            $"the invocation after the timeout failed: {after.ErrorType} {Encoding.UTF8.GetString(after.Payload)}\n{string.Join("\n", emulator.Logs.TakeLast(20))}");
        Assert.Equal("""{"n":"after"}""", Encoding.UTF8.GetString(after.Payload));
        Assert.False(after.ColdStart, "the environment was not reset by the other invocation's timeout");
        Assert.DoesNotContain(emulator.Logs, line => line.Contains("SHUTDOWN reason: timeout", StringComparison.Ordinal));
    }
}
