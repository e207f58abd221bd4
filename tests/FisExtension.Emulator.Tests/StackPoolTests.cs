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
                Volatile.Write(ref onReport, stack!.FindPool("one")!.TryBeginAsync(Guid.NewGuid().ToString(), Json.Bytes("""{"n":2}"""), new InvokeOptions(), wait: false,
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
        using (var warmUp = await client.InvokeAsync(stack, "steady", "{}", tail)) Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);

        // 5 requests a second for 4 seconds, each handled in 300 ms, each timed from its sending to its answer.
        var clock = Stopwatch.StartNew();
        var requests = new List<Task<(TimeSpan Sent, TimeSpan Answered, HttpResponseMessage Response)>>();
        for (var i = 0; i < 20; i++)
        {
            requests.Add(TimedAsync(clock, () => client.InvokeAsync(stack, "steady", """{"action":"sleep","sleepMs":300}""", tail)));
            var next = TimeSpan.FromMilliseconds(200 * (i + 1)) - clock.Elapsed;
            if (next > TimeSpan.Zero) await Task.Delay(next);
        }
        var timed = await Task.WhenAll(requests);
        var responses = timed.Select(t => t.Response).ToList();

        // An environment is busy from after its request was sent until before its answer (a Tail answer carries the
        // REPORT line, and the environment is given back before it). A pool that opens an environment only when none is
        // free has, at that moment, every other one busy, so it can never have opened more than the most requests the
        // caller had unanswered at once: true at any speed, where counting reuses depends on how fast this machine is
        // (CI's, on 2026-12-02, overlapped all 20; a request sent later can also overtake one sent before it).
        var peak = timed.SelectMany(t => new[] { (At: t.Sent, Step: 1), (At: t.Answered, Step: -1) })
            .OrderBy(e => e.At).ThenByDescending(e => e.Step)
            .Aggregate((Now: 0, Peak: 1), (state, e) => (state.Now + e.Step, Math.Max(state.Peak, state.Now + e.Step))).Peak;
        var cold = responses.Count(r => Stacks.LogResult(r).Contains("Init Duration", StringComparison.Ordinal));
        var created = stack.EnvironmentsCreated("steady");
        output.WriteLine($"20 invocations at 5/s, 300 ms each: {created} environments opened (the warm-up's included), {cold} cold starts; at most {peak} unanswered at once");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(created <= peak, $"{created} environments opened, where at most {peak} requests were unanswered at once");
        Assert.Equal(created - 1, cold); // each new environment is one cold start
        foreach (var response in responses) response.Dispose();
    }

    private static async Task<(TimeSpan Sent, TimeSpan Answered, HttpResponseMessage Response)> TimedAsync(Stopwatch clock, Func<Task<HttpResponseMessage>> send)
    {
        var sent = clock.Elapsed;
        var response = await send();
        return (sent, clock.Elapsed, response);
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
