using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;
using Xunit.Abstractions;

namespace FisExtension.Emulator.Tests;

/// <summary>Lambda's concurrency model in a stack: one environment per invocation in flight, cold then warm, reclaimed
/// when idle, throttled beyond the reserved concurrency; each environment with its own extensions and merged layers.</summary>
public sealed class StackPoolTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60000)]
    public async Task Pool_ColdStartsOnceAndThenReusesTheWarmEnvironment()
    {
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("echo"));
        using var client = new HttpClient();

        var clock = Stopwatch.StartNew();
        using var cold = await client.InvokeAsync(stack, "echo", """{"n":1}""", ("X-Amz-Log-Type", "Tail"));
        var coldMs = clock.Elapsed.TotalMilliseconds;
        var warmTimes = new List<double>();
        HttpResponseMessage? warm = null;
        for (var i = 0; i < 5; i++)
        {
            warm?.Dispose();
            clock.Restart();
            warm = await client.InvokeAsync(stack, "echo", """{"n":2}""", ("X-Amz-Log-Type", "Tail"));
            warmTimes.Add(clock.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"cold start through the Invoke API: {coldMs:0} ms; warm: median {warmTimes.Order().ElementAt(2):0} ms");

        Assert.Equal("""{"n":1}""", await cold.Content.ReadAsStringAsync());
        Assert.Matches(@"REPORT RequestId: [0-9a-f-]{36}\t.*\tInit Duration: \d+\.\d{2} ms", Stacks.LogResult(cold));
        Assert.DoesNotContain("Init Duration", Stacks.LogResult(warm!), StringComparison.Ordinal);
        Assert.Equal(1, stack.EnvironmentsCreated("echo"));
        warm!.Dispose();
    }

    [Fact(Timeout = 60000)]
    public async Task Pool_GivesTheEnvironmentBackBeforeTheReportLine_SoAnInvocationStartedOnReportIsNotThrottled()
    {
        // With a reserved concurrency of 1, a caller that waits for REPORT and invokes again at once must find the
        // environment free. The second invocation is begun inside the log sink, at the moment REPORT is written.
        ServerlessStack? stack = null;
        Task<PooledInvocation?>? onReport = null;
        await using var started = await Stacks.StartAsync(line =>
        {
            if (line.Contains("REPORT RequestId:", StringComparison.Ordinal) && Volatile.Read(ref onReport) is null)
            {
                Volatile.Write(ref onReport, stack!.FindPool("one")!.TryBeginAsync(Json.Bytes("""{"n":2}"""), new InvokeOptions(), wait: false,
                    CancellationToken.None));
            }
        }, null, Stacks.Shell("one", reservedConcurrency: 1));
        stack = started;
        using var client = new HttpClient();

        using var first = await client.InvokeAsync(stack, "one", """{"n":1}""");
        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref onReport) is not null, TimeSpan.FromSeconds(10)), "no REPORT line");
        var second = await onReport!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(second); // null: throttled, the pool still counted the environment busy
        Assert.Equal("""{"n":2}""", Encoding.UTF8.GetString((await second.Result).Payload));
        Assert.Equal(1, stack.EnvironmentsCreated("one"));
    }

    [Fact(Timeout = 60000)]
    public async Task Pool_OpensOneEnvironmentPerInvocationInFlightEachWithItsExtensions_AndThrottlesBeyondReservedConcurrency()
    {
        using var opt = new TempDirectory();
        var registrations = opt.File("registrations");
        opt.AddExtension("counter", ExtensionScripts.Standard().Replace("register '", $"echo \"$$\" >> '{registrations}'\nregister '", StringComparison.Ordinal));
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("slow", opt, reservedConcurrency: 2));
        using var client = new HttpClient();

        // Four at once against two environments: the handler sleeps long enough for all four to arrive while two run.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.InvokeAsync(stack, "slow", """{"action":"sleep","sleepMs":3000}""")));

        var ok = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var throttled = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(2, ok.Count);
        Assert.Equal(2, throttled.Count);
        foreach (var response in throttled)
        {
            Assert.Equal("TooManyRequestsException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
            var body = Json.Bytes(await response.Content.ReadAsStringAsync());
            Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", Json.Property(body, "Reason"));
            Assert.Equal("Rate Exceeded.", Json.Property(body, "message"));
        }
        Assert.Equal(2, stack.EnvironmentsCreated("slow"));
        Assert.Equal(2, File.ReadAllLines(registrations).Distinct().Count()); // each environment started its own extension
        foreach (var response in responses) response.Dispose();
    }

    [Fact(Timeout = 60000)]
    public async Task Pool_UnderASteadyRate_ReusesWarmEnvironmentsAndThrottlesNothingBelowItsReservedConcurrency()
    {
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("steady", reservedConcurrency: 20));
        using var client = new HttpClient();
        var tail = ("X-Amz-Log-Type", "Tail");
        // An environment is given back before its REPORT line, and a Tail answer carries that line: an environment whose
        // answer the caller holds is free. So a request sent while more environments exist than requests are unanswered
        // must find one warm, however slow this machine is (CI's, on 2026-12-02, was slow enough to overlap all 20).
        using (var warmUp = await client.InvokeAsync(stack, "steady", "{}", tail)) Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        var answered = 1;

        // 5 requests a second for 4 seconds, each handled in 300 ms.
        var clock = Stopwatch.StartNew();
        var sends = new List<(int Created, int Unanswered, Task<HttpResponseMessage> Response)>();
        for (var i = 0; i < 20; i++)
        {
            var unanswered = 1 + i - Volatile.Read(ref answered);
            var created = stack.EnvironmentsCreated("steady");
            var response = client.InvokeAsync(stack, "steady", """{"action":"sleep","sleepMs":300}""", tail);
            _ = response.ContinueWith(_ => Interlocked.Increment(ref answered), TaskScheduler.Default);
            sends.Add((created, unanswered, response));
            var next = TimeSpan.FromMilliseconds(200 * (i + 1)) - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next);
        }
        var responses = await Task.WhenAll(sends.Select(s => s.Response));
        var cold = responses.Select(r => Stacks.LogResult(r).Contains("Init Duration", StringComparison.Ordinal)).ToList();
        var mustBeWarm = Enumerable.Range(0, sends.Count).Where(i => sends[i].Created > sends[i].Unanswered).ToList();
        output.WriteLine($"20 invocations at 5/s, 300 ms each: {stack.EnvironmentsCreated("steady")} environments opened; " +
            $"{mustBeWarm.Count} sent while one was free; cold: [{string.Join(", ", Enumerable.Range(0, 20).Where(i => cold[i]))}]");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.NotEmpty(mustBeWarm); // the first, at least: the warm-up's environment was free
        Assert.All(mustBeWarm, i => Assert.False(cold[i], $"request {i} was sent with {sends[i].Created} environments and {sends[i].Unanswered} unanswered, and was a cold start"));
        Assert.Equal(stack.EnvironmentsCreated("steady") - 1, cold.Count(c => c)); // each new environment is one cold start
        Assert.InRange(stack.EnvironmentsCreated("steady"), 1, 20);
        foreach (var response in responses) response.Dispose();
    }

    [Fact(Timeout = 60000)]
    public async Task Pool_ReclaimsAnIdleEnvironmentWithShutdownToItsExtensions_AndTheNextInvokeIsCold()
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("watcher", ExtensionScripts.Standard(eventsFile: events));
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("idle", opt, idleLifetime: TimeSpan.FromMilliseconds(500)));
        using var client = new HttpClient();

        using var first = await client.InvokeAsync(stack, "idle", "{}");
        var shutDown = await Eventually.TrueAsync(() => File.Exists(events) && File.ReadAllText(events).Contains("SHUTDOWN", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        var liveAfterIdle = stack.LiveEnvironments("idle");
        using var next = await client.InvokeAsync(stack, "idle", "{}", ("X-Amz-Log-Type", "Tail"));

        Assert.True(shutDown, "the idle environment's extension received SHUTDOWN");
        Assert.Equal("spindown", Json.Property(Json.Bytes(File.ReadAllLines(events).Last(l => l.Contains("SHUTDOWN", StringComparison.Ordinal))), "shutdownReason"));
        Assert.Equal(0, liveAfterIdle);
        Assert.Contains("Init Duration", Stacks.LogResult(next), StringComparison.Ordinal);
        Assert.Equal(2, stack.EnvironmentsCreated("idle"));
    }

    [Fact(Timeout = 60000)]
    public async Task Layers_AreMergedIntoOptInOrder_FoldersAndZipsWithTheirFileModes()
    {
        using var scratch = new TempDirectory();
        var seen = scratch.File("seen");
        Directory.CreateDirectory(scratch.File("layer-a"));
        File.WriteAllText(scratch.File("layer-a/data"), "from a");
        File.WriteAllText(scratch.File("layer-a/only-a"), "kept");
        var layerB = scratch.File("layer-b");
        Directory.CreateDirectory(layerB);
        File.WriteAllText(Path.Combine(layerB, "data"), "from b");
        scratch.AddExecutable("layer-b/extensions/reader",
            ExtensionScripts.Standard().Replace("register '", $"cat \"$(dirname \"$0\")/../data\" \"$(dirname \"$0\")/../only-a\" > '{seen}'\nregister '", StringComparison.Ordinal));
        ZipFile.CreateFromDirectory(layerB, scratch.File("layer-b.zip"));
        var function = Stacks.Shell("layered") with { Layers = [scratch.File("layer-a"), scratch.File("layer-b.zip")] };
        await using var stack = await Stacks.StartAsync(null, function);
        using var client = new HttpClient();

        using var response = await client.InvokeAsync(stack, "layered", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from bkept", File.ReadAllText(seen)); // the zip's extension ran (its mode kept) and saw b over a
    }
}
