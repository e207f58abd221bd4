using System.Globalization;
using System.Text.Json.Nodes;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Run;

/// <summary><c>fisctl run</c> end to end on real sockets and the real clock: a 1 s steady window, a 2 s action (4 s where a test
/// places requests by the action's window), a 1 s recovery window.</summary>
public sealed class ExperimentRunCommandTests : IDisposable
{
    private const string Template = """
        {
          "description": "errors on orders-get",
          "targets": { "Functions": { "resourceType": "aws:lambda:function", "resourceArns": ["arn:aws:lambda:us-east-1:123456789012:function:orders-get"], "selectionMode": "ALL" } },
          "actions": {
            "break-orders": {
              "actionId": "aws:lambda:invocation-error",
              "parameters": { "duration": "PT2S", "invocationPercentage": "100", "preventExecution": "true" },
              "targets": { "Functions": "Functions" }
            }
          },
          "stopConditions": [{ "source": "none" }],
          "experimentReportConfiguration": { "preExperimentDuration": "PT1S", "postExperimentDuration": "PT1S" }
        }
        """;

    // The tests that place each request by the action's window run a longer action: the runner's put shares a loaded
    // test host with the load, and a put a second late must not leave most of the window before the fault.
    private const string WindowedAction = "PT4S";

    private readonly ConfigurationFolders _folders = new();
    private readonly TemplateFiles _files = new();
    private readonly string _reportFolder = Path.Combine(Path.GetTempPath(), "fisctl-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        _folders.Dispose();
        _files.Dispose();
        if (Directory.Exists(_reportFolder))
        {
            Directory.Delete(_reportFolder, recursive: true);
        }
    }

    private FaultedFunction OrdersGet => new(_folders.Root, "orders-get");

    private Task<FakeLambdaApi> StartLambdaApiAsync() =>
        FakeLambdaApi.StartAsync(50, (context, _) => OrdersGet.AnswerInvokeAsync(context),
            new FakeFunction("orders-get", Environment: new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = _folders.Root }));

    private static JsonObject Window(JsonNode report, string name) =>
        report["windows"]!.AsArray().Single(w => (string)w!["name"]! == name)!["overall"]!.AsObject();

    /// <summary>The page carries the chart itself (a PNG data URI, byte for byte timeline.png) and loads nothing from elsewhere.</summary>
    private void AssertHtmlEmbedsTheChart()
    {
        var html = File.ReadAllText(Path.Combine(_reportFolder, "report.html"));
        var png = File.ReadAllBytes(Path.Combine(_reportFolder, "timeline.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 10_000, $"chart of {png.Length} bytes");
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)\\s*=\\s*\"(?!data:)|<link|<script|url\\(", html);
    }

    [Fact(Timeout = 60_000)]
    public async Task Url_SlowFailingEndpointDuringTheAction_LandsInTheExperimentWindow()
    {
        await using var api = await StartLambdaApiAsync();
        await using var endpoint = await FakeHttpEndpoint.StartAsync(OrdersGet.AnswerHttpAsync);

        var run = await FisctlRun.RunAsync(["run", WriteTemplate(WindowedAction), "--endpoint", api.Endpoint.ToString(), "--url", endpoint.Url.ToString(),
            "--rate", "20", "--report", _reportFolder, "--hypothesis", "steady.errorRate < 10%", "--hypothesis", "experiment.errorRate < 50%"], time: TimeProvider.System);

        // The endpoint failed while the object was there: the second hypothesis did not hold, so exit 3.
        Assert.True(run.ExitCode == 3 && run.Error.Length == 0, $"exit code {run.ExitCode}: {run.Error}\n{run.Out}");
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_reportFolder, "report.json")))!;
        // 20/s for 1 + 4 + 1 s, sent on schedule whatever the answers.
        var requests = report["requests"]!.AsArray();
        Assert.Equal(120, requests.Count);
        // The endpoint fails exactly while the object is there, so the errors are placed by when fisctl put and deleted it.
        var timeline = FaultObjectTimeline.Of(run, "break-orders");
        static bool Failed(JsonNode? r) => (int?)r!["status"] == 503;
        // A 503 comes the fault delay after the endpoint found the object (less a millisecond of timer rounding).
        var faultedService = FaultedFunction.FaultDelay - TimeSpan.FromMilliseconds(2);
        Assert.All(requests.Where(Failed), r => Assert.True(timeline.CouldMeet(r, faultedService), $"503, but {timeline.Describe(r)}\n{run.Out}"));
        var surelyMet = requests.Where(timeline.SurelyMet).ToList();
        Assert.All(surelyMet, r => Assert.True(Failed(r), $"not 503, but {timeline.Describe(r)}\n{run.Out}"));
        Assert.NotEmpty(surelyMet);
        var (steady, experiment, recovery) = (Window(report, "steady"), Window(report, "experiment"), Window(report, "recovery"));
        var verdicts = report["hypotheses"]!.AsArray();
        // The steady window holds the errors of requests sent before the scheduled start that met the object (at most
        // the few a late handling let through, above; usually none), and its hypothesis is judged on exactly that rate.
        var steadyHeld = (double)steady["errorRate"]! < 0.1;
        Assert.Equal([steadyHeld, false], verdicts.Select(v => (bool)v!["held"]!));
        Assert.Contains(run.OutLines, line => line.StartsWith($"Hypothesis \"steady.errorRate < 10%\": {(steadyHeld ? "held" : "not held")}: {((double)steady["errorRate"]!).ToString("0.###", CultureInfo.InvariantCulture)} < 0.1", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, line => line.StartsWith("Hypothesis \"experiment.errorRate < 50%\": not held: ", StringComparison.Ordinal));
        Assert.Equal((double)experiment["errorRate"]!, (double)verdicts[1]!["left"]!);
        Assert.Equal("not held", (string)report["verdict"]!);
        Assert.Contains("<strong id=\"verdict\">not held</strong>", File.ReadAllText(Path.Combine(_reportFolder, "report.html")), StringComparison.Ordinal);
        // Windows go by the time a request was actually sent. A paused process (up to 858 ms measured under load) sends
        // the requests due meanwhile in a burst as it resumes, and each may land in a later window than it was due in:
        // those are exactly the requests sent an interval (50 ms) or more late. The counts allow for them, and for a
        // timer waking a millisecond early, which moves the request due at a boundary into the window before.
        var late = requests.Count(r => FaultObjectTimeline.SentAt(r) - (DateTimeOffset)r!["dueAt"]! >= TimeSpan.FromMilliseconds(50));
        Assert.InRange((int)steady["requests"]!, 20 - late, 21);
        Assert.InRange((int)experiment["requests"]!, 79 - late, 81 + late);
        Assert.Equal(120, (int)steady["requests"]! + (int)experiment["requests"]! + (int)recovery["requests"]!);
        // Each window's p50 is that of the requests sent in it, and the faulted window's is at least the fault's delay.
        // (Not that it is above the steady window's: a stall of the loaded test host as the run began made the steady
        // window's p50 1,001 ms against the faulted window's 308 ms in a flake hunt, 2026-12-03.)
        var (experimentStart, experimentEnd) = ((DateTimeOffset)report["experimentStart"]!, (DateTimeOffset)report["experimentEnd"]!);
        static double? Median(IEnumerable<JsonNode?> sent)
        {
            var latencies = sent.Where(r => (string?)r!["failure"] != FisExtension.Experiments.Load.LoadGenerator.Skipped).Select(r => (double)r!["latencyMilliseconds"]!).Order().ToList();
            return latencies.Count == 0 ? null : latencies[(latencies.Count + 1) / 2 - 1]; // nearest rank
        }
        Assert.Equal(Median(requests.Where(r => FaultObjectTimeline.SentAt(r) < experimentStart)), (double?)steady["p50"]);
        Assert.Equal(Median(requests.Where(r => FaultObjectTimeline.SentAt(r) >= experimentStart && FaultObjectTimeline.SentAt(r) < experimentEnd)), (double?)experiment["p50"]);
        Assert.True((double)experiment["p50"]! >= FaultedFunction.FaultDelay.TotalMilliseconds, $"experiment p50 {experiment["p50"]}");
        var lag = report["actions"]!.AsArray().Single()!;
        Assert.StartsWith("departure from steady state", (string)lag["detection"]!, StringComparison.Ordinal);
        // Departures count from the scheduled start, and the first request sent since then that surely met the object
        // departs (a 503). A timer may wake a millisecond early, so a request can be sent after the put and before the start.
        var start = (DateTimeOffset)report["experimentStart"]!;
        var firstSurelyMet = surelyMet.Select(FaultObjectTimeline.SentAt).Where(sent => sent >= start).Min();
        Assert.True((double)lag["pickupLagMilliseconds"]! <= (firstSurelyMet - start).TotalMilliseconds, $"pickup lag {lag["pickupLagMilliseconds"]} ms\n{run.Out}");
        Assert.Contains("| experiment |", File.ReadAllText(Path.Combine(_reportFolder, "report.md")), StringComparison.Ordinal);
        AssertHtmlEmbedsTheChart();
        Assert.Empty(_folders.Keys());
    }

    [Fact(Timeout = 60_000)]
    public async Task Invoke_FaultLogInTheTail_NamesTheActionThatHitEachInvocation()
    {
        await using var api = await StartLambdaApiAsync();

        var run = await FisctlRun.RunAsync(["run", WriteTemplate(WindowedAction), "--endpoint", api.Endpoint.ToString(), "--invoke", "orders-get",
            "--rate", "20", "--pre", "PT0.5S", "--post", "PT0.5S", "--report", _reportFolder, "--hypothesis", "experiment.errorRate >= 50%"], time: TimeProvider.System);

        // The hypothesis asks what the hit count below asks, half of the window's invocations (75% failed a loaded
        // flake-hunt run, where a late put and the paused runner's burst left more of them outside the action).
        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, $"exit code {run.ExitCode}: {run.Error}\n{run.Out}");
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_reportFolder, "report.json")))!;
        Assert.Equal("held", (string)report["verdict"]!);
        var requests = report["requests"]!.AsArray();
        Assert.Equal(100, requests.Count);
        var hit = requests.Where(r => r!["faults"]!.AsArray().Any(f => (string)f! == "break-orders")).ToList();
        Assert.All(hit, r => Assert.Equal("Unhandled", (string)r!["functionError"]!));
        // Exactly the invocations that ran while the object was there, placed by when fisctl put and deleted it. An
        // invocation runs between its sending and its answer.
        var (start, end) = ((DateTimeOffset)report["experimentStart"]!, (DateTimeOffset)report["experimentEnd"]!);
        var timeline = FaultObjectTimeline.Of(run, "break-orders");
        Assert.All(hit, r => Assert.True(timeline.CouldMeet(r), $"hit, but {timeline.Describe(r)}"));
        Assert.All(requests.Where(timeline.SurelyMet), r => Assert.True(hit.Contains(r), $"not hit, but {timeline.Describe(r)}"));
        // 4 s at 20 a second: 80 sent during the action, less what a late put or an early delete leaves out (above).
        Assert.True(hit.Count >= 40, $"{hit.Count} invocations hit");
        Assert.Equal(hit, requests.Where(r => r!["functionError"] is not null));
        var lag = report["actions"]!.AsArray().Single()!;
        Assert.StartsWith("fault log", (string)lag["detection"]!, StringComparison.Ordinal);
        Assert.Equal((hit.Min(FaultObjectTimeline.SentAt) - start).TotalMilliseconds, (double)lag["pickupLagMilliseconds"]!, 3);
        Assert.Equal((hit.Max(FaultObjectTimeline.SentAt) - end).TotalMilliseconds, (double)lag["releaseLagMilliseconds"]!, 3);
    }

    [Fact(Timeout = 60_000)]
    public async Task SeveralUrls_AreUsedInTurn_WithTheMethodAndBody_AndReportedPerUrl()
    {
        await using var api = await StartLambdaApiAsync();
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Endpoint, string Method, string Body)>();
        async Task Record(string name, Microsoft.AspNetCore.Http.HttpContext context)
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Enqueue((name, context.Request.Method, await reader.ReadToEndAsync()));
            context.Response.StatusCode = name == "a" ? 200 : 502;
        }

        await using var a = await FakeHttpEndpoint.StartAsync(context => Record("a", context));
        await using var b = await FakeHttpEndpoint.StartAsync(context => Record("b", context));

        var run = await FisctlRun.RunAsync(["run", _files.Write(Template), "--endpoint", api.Endpoint.ToString(), "--url", a.Url.ToString(), "--url", b.Url.ToString(),
            "--method", "post", "--body", "{\"orderId\":7}", "--rate", "10", "--pre", "PT0.5S", "--post", "PT0.5S", "--report", _reportFolder], time: TimeProvider.System);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Equal(30, received.Count);
        Assert.Equal((15, 15), (received.Count(r => r.Endpoint == "a"), received.Count(r => r.Endpoint == "b")));
        Assert.All(received, r => Assert.Equal(("POST", "{\"orderId\":7}"), (r.Method, r.Body)));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_reportFolder, "report.json")))!;
        var perTarget = report["windows"]!.AsArray().Select(w => w!["perTarget"]!.AsObject()).ToList();
        Assert.Equal(15, perTarget.Sum(w => w[a.Url.ToString()] is { } s ? (int)s["requests"]! : 0));
        Assert.Equal(15, perTarget.Sum(w => w[b.Url.ToString()] is { } s ? (int)s["errors"]! : 0));
        Assert.Equal(0, perTarget.Sum(w => w[a.Url.ToString()] is { } s ? (int)s["errors"]! : 0));
    }

    [Fact(Timeout = 60_000)]
    public async Task Timeout_EndsEachUnansweredRequest_AndTheRunOnTime()
    {
        await using var api = await StartLambdaApiAsync();
        // An answer a minute away (or when the request is given up): far beyond the 0.3 s timeout, so a request ended by
        // its timeout can be told from one that waited for the answer even when the test host's timers run seconds
        // late (a CI rehearsal saw three requests ended 2.4-2.6 s in).
        await using var endpoint = await FakeHttpEndpoint.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await FisctlRun.RunAsync(["run", _files.Write(Template), "--endpoint", api.Endpoint.ToString(), "--url", endpoint.Url.ToString(),
            "--rate", "10", "--pre", "PT0.5S", "--post", "PT0.5S", "--timeout", "PT0.3S", "--report", _reportFolder], time: TimeProvider.System);

        // 3 s of load, the last request's 0.3 s timeout, planning and the report: well before the answers would come.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ran {clock.Elapsed}");
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var requests = JsonNode.Parse(File.ReadAllText(Path.Combine(_reportFolder, "report.json")))!["requests"]!.AsArray();
        Assert.Equal(30, requests.Count);
        Assert.All(requests, r => Assert.Equal("timeout", (string)r!["failure"]!));
        Assert.All(requests, r => Assert.InRange((double)r!["latencyMilliseconds"]!, 290, 20_000));
    }

    [Fact(Timeout = 60_000)]
    public async Task StopIf_BreachedErrorRate_PullsTheSafetyLever_AndIsInTheReport()
    {
        await using var api = await StartLambdaApiAsync();
        await using var endpoint = await FakeHttpEndpoint.StartAsync(OrdersGet.AnswerHttpAsync);
        var template = WriteTemplate("PT30S");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await FisctlRun.RunAsync(["run", template, "--endpoint", api.Endpoint.ToString(), "--url", endpoint.Url.ToString(),
            "--rate", "20", "--pre", "PT0.5S", "--post", "PT0.5S", "--report", _reportFolder, "--stop-if", "errorRate > 50% over 1s"], time: TimeProvider.System);

        // A 30 s action, stopped once more than half of the last second's requests failed: well before its end.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"ran {clock.Elapsed}");
        Assert.Equal((3, ""), (run.ExitCode, run.Error));
        Assert.Contains("  deleted " + Path.Combine(_folders.Root, "orders-get", "EXPtest1-break-orders.json"), run.OutLines);
        Assert.Empty(_folders.Keys());
        Assert.Contains(run.OutLines, line => line.StartsWith("Stop condition \"errorRate > 50% over 1s\" breached at ", StringComparison.Ordinal));
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_reportFolder, "report.json")))!;
        Assert.Equal("Stopped", (string)report["outcome"]!);
        var breach = report["stoppedBy"]!;
        Assert.Equal("errorRate > 50% over 1s", (string)breach["stopCondition"]!);
        Assert.True((double)breach["value"]! > 0.5);
        var (start, at) = ((DateTimeOffset)report["experimentStart"]!, (DateTimeOffset)breach["at"]!);
        Assert.InRange(at, start, start.AddSeconds(15));
        Assert.Contains("id=\"stopped-by\"", File.ReadAllText(Path.Combine(_reportFolder, "report.html")), StringComparison.Ordinal);
    }

    /// <summary>The template with its action lasting <paramref name="duration"/> instead of 2 s.</summary>
    private string WriteTemplate(string duration) => _files.Write(Template.Replace("\"PT2S\"", $"\"{duration}\"", StringComparison.Ordinal));

    [Theory(Timeout = 30_000)]
    [InlineData("--rate", "0", "--rate \"0\" is not a rate: give requests per second, more than 0 and at most 1000, e.g. --rate 5.")]
    [InlineData("--pre", "ten seconds", "--pre \"ten seconds\" is not an ISO 8601 duration.")]
    [InlineData("--invoke", "orders-get", "give the load's target: one or more --url http://…, or --invoke FUNCTION (not both).")]
    [InlineData("--url", "ftp://orders", "--url \"ftp://orders\" is not an http:// or https:// URL.")]
    [InlineData("--hypothesis", "errorRate < 50%", "--hypothesis \"errorRate < 50%\": \"errorRate\" is neither a number (50%, 200ms, 0.5) nor WINDOW.METRIC (e.g. steady.p99, 1.1 * steady.p99).")]
    [InlineData("--hypothesis", "during.p99 < 100ms", "--hypothesis \"during.p99 < 100ms\": \"during\" is not a window. Use one of steady, experiment, recovery.")]
    [InlineData("--hypothesis", "experiment.p99 == 100ms", "--hypothesis \"experiment.p99 == 100ms\" is not a hypothesis.")]
    [InlineData("--stop-if", "errorRate > 80%", "--stop-if \"errorRate > 80%\" is not a stop condition. Write METRIC OP NUMBER over DURATION")]
    [InlineData("--stop-if", "errors > 80% over 10s", "--stop-if \"errors > 80% over 10s\": \"errors\" is not a metric.")]
    [InlineData("--stop-if", "p99 > 2000ms over soon", "--stop-if \"p99 > 2000ms over soon\": \"soon\" is not a window.")]
    [InlineData("--method", "GET /", "--method \"GET /\" is not an HTTP method. Use e.g. GET or POST.")]
    public async Task BadLoadOption_Exits2_BeforeAnyRequestOrFile(string option, string value, string message)
    {
        await using var api = await StartLambdaApiAsync();

        string[] good = option == "--rate" ? [] : ["--rate", "5"];
        var run = await FisctlRun.RunAsync(["run", _files.Write(Template), "--endpoint", api.Endpoint.ToString(), "--url", "http://127.0.0.1:9/orders",
            .. good, option, value, "--report", _reportFolder], time: TimeProvider.System);

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
        Assert.Empty(_folders.Keys());
        Assert.False(Directory.Exists(_reportFolder));
    }
}
