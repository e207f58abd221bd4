using System.Text.Json;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.LocalStack;

/// <summary>
/// The talk's demo as a test: the sample orders stack (scripts/run-local.sh runs the same file) with the published FIS
/// layer in every function, fisctl running an experiment on the functions tagged FISExperimentReady=Yes with load
/// through the HTTP API, and the report's numbers. GET /orders is orders-list (tagged); GET /orders/{id} is orders-get,
/// the one function without the tag, which must come through untouched.
/// </summary>
public sealed class OrdersStackExperimentTests
{
    private const int DelayMilliseconds = 3000;

    // The first invocation of an environment opened during an experiment waits for its first poll, as
    // AWS_FIS_POLL_MAX_WAIT_MILLISECONDS lets it: without it, a cold start on a loaded machine ran its first invocations
    // unfaulted (3 of 16 answered 200 in an invocation-error run, 2026-12-02).
    private static readonly TimeSpan PollMaxWait = TimeSpan.FromSeconds(10);

    // The tagged function is not warmed before the experiment (a warm environment would not poll again during it), so
    // its first environments' cold starts, seconds long on a loaded machine, fall inside the action: the action lasts
    // long enough that most of its requests are still handled while the fault is on.
    private const string ActionDuration = "PT15S";

    [Fact(Timeout = 120_000)]
    public async Task StartDelay_ShowsInTheTaggedRoutesP50_FromSeveralEnvironments_AndLeavesTheUntaggedFunctionAlone()
    {
        // One request a second to each route, each held 3 s: four or more environments of the tagged function are busy
        // at once, on any machine. A faster rate opened so many Node.js environments at once on a loaded machine that
        // their cold starts outlasted fisctl's 10 s request timeout (2026-12-02); a reserved concurrency of 20 keeps the
        // throttle (a 500) out of reach of the slow cold starts that remain.
        await using var stack = await OrdersStack.StartAsync(idleLifetime: TimeSpan.FromMinutes(5), reservedConcurrency: 20, pollMaxWait: PollMaxWait);
        var orderId = await CreateOrderAsync(stack);
        // The control's environment is opened before the experiment: its cold start (over a second on a loaded
        // machine, CI's first run on 2026-12-02) is no part of what the experiment does to it.
        await GetOrderAsync(stack, orderId);

        var report = await RunExperimentAsync(stack, orderId, ratePerSecond: 2, "aws:lambda:invocation-add-delay",
            $$"""{ "duration": "{{ActionDuration}}", "invocationPercentage": "100", "startupDelayMilliseconds": "{{DelayMilliseconds}}" }""");

        var list = Window(report, "experiment", ListUrl(stack));
        var get = Window(report, "experiment", GetUrl(stack, orderId));
        Assert.True(list.GetProperty("p50").GetDouble() >= DelayMilliseconds, $"tagged route p50 {list.GetProperty("p50")} ms");
        Assert.True(list.GetProperty("errors").GetInt32() == 0, Errors(stack, list));
        // The control was not delayed: its median is below what the delay alone takes (a delayed function's every answer
        // is above it), and none of its environments' extensions added latency. Single answers may be slower than the
        // delay: a new environment's cold start on a loaded machine took 4.3 s (2026-12-02).
        var untagged = Latencies(report, GetUrl(stack, orderId));
        var untaggedText = $"untagged route: {untagged.Count} answers, in ms: {string.Join(", ", untagged.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; environments opened: {stack.EnvironmentsOpened("orders-get")}";
        Assert.True(untagged.Count >= 10 && untagged.Order().ElementAt(untagged.Count / 2) < DelayMilliseconds, untaggedText);
        Assert.DoesNotContain(stack.Output.Split('\n'), line => line.StartsWith("[orders-get#", StringComparison.Ordinal) && line.Contains("AWS FIS EXTENSION - adding", StringComparison.Ordinal));
        Assert.True(get.GetProperty("errors").GetInt32() == 0, Errors(stack, get));
        // A delayed answer takes the delay at least, so a median below it means most recovery answers were not delayed
        // (half of it was a bound on the machine's speed, which CI-like load broke). The report does not tie answers
        // to request ids, so the extensions' 'adding' lines cannot be matched to the recovery window.
        var recovered = Window(report, "recovery", ListUrl(stack));
        Assert.True(recovered.GetProperty("p50").GetDouble() < DelayMilliseconds, $"tagged route p50 after the experiment {recovered.GetProperty("p50")} ms");

        // A 3 s delay at a request a second keeps several environments busy at once, as on Lambda; each runs its
        // own extension, and each of them delayed invocations. (Not every environment need have: one opened late in the
        // experiment, or in recovery, on a loaded machine may never have served an invocation while the fault was on.)
        var delaying = stack.EnvironmentsThatLogged("orders-list", $"[extension:fis-extension] AWS FIS EXTENSION - adding {DelayMilliseconds} milliseconds of latency");
        Assert.True(delaying >= 3, $"{delaying} of the {stack.EnvironmentsOpened("orders-list")} orders-list environments added the delay");
    }

    [Fact(Timeout = 120_000)]
    public async Task InvocationErrors_AreServerErrorsToTheTaggedRoutesCallers_WithoutRunningTheHandler_AndTheUntaggedFunctionAnswers()
    {
        await using var stack = await OrdersStack.StartAsync(idleLifetime: TimeSpan.FromMinutes(5), pollMaxWait: PollMaxWait);
        var orderId = await CreateOrderAsync(stack);
        // As in the start-delay test: the control's cold start is no part of what the experiment does to it.
        await GetOrderAsync(stack, orderId);

        var report = await RunExperimentAsync(stack, orderId, ratePerSecond: 4, "aws:lambda:invocation-error",
            $$"""{ "duration": "{{ActionDuration}}", "invocationPercentage": "100", "preventExecution": "true" }""");

        // A request sent during the experiment need not reach the function during it: on a loaded machine the last two
        // seconds' requests were answered 200 after the fault's endTime (CI, 2026-12-02), as they should be. An answer
        // that came back before the end was given while the fault was on, and the object was in place before the first
        // request was sent, so each of those must be the injected error.
        var end = report.GetProperty("experimentEnd").GetDateTimeOffset();
        var tagged = Requests(report, ListUrl(stack)).Where(r => r.SentAt >= report.GetProperty("experimentStart").GetDateTimeOffset() && r.SentAt < end).ToList();
        var answeredDuringTheFault = tagged.Where(r => r.AnsweredAt < end).ToList();
        var timeline = $"tagged-route requests (sent, answered, outcome) against the experiment's end {end:HH:mm:ss.fff}:\n" +
            string.Join('\n', tagged.Select(r => $"  {r.SentAt:HH:mm:ss.fff} {r.AnsweredAt:HH:mm:ss.fff} {r.Outcome}"));
        Assert.True(tagged.Count >= 10, timeline);
        Assert.True(answeredDuringTheFault.Count >= 4, timeline);
        Assert.True(answeredDuringTheFault.All(r => r.Status >= 500), timeline);
        Assert.True(tagged.Count(r => r.Status >= 500) >= tagged.Count / 2, timeline);
        var get = Window(report, "experiment", GetUrl(stack, orderId));
        Assert.Equal(0, get.GetProperty("errors").GetInt32());
        Assert.Equal(get.GetProperty("requests").GetInt32(), get.GetProperty("outcomes").GetProperty("200").GetInt32());
        Assert.Equal(0, Window(report, "recovery", ListUrl(stack)).GetProperty("errors").GetInt32());
        Assert.Contains("AWS FIS EXTENSION - injecting an invocation error without running the function", stack.Output, StringComparison.Ordinal);
    }

    /// <summary>A window's outcomes, and what the stack's HTTP API said of each answer that was not the function's own.</summary>
    private static string Errors(OrdersStack stack, JsonElement window) =>
        $"outcomes {window.GetProperty("outcomes")}; the HTTP API's failures:\n" +
        string.Join('\n', stack.Output.Split('\n').Where(line => line.StartsWith("[http-api]", StringComparison.Ordinal)));

    private static string ListUrl(OrdersStack stack) => new Uri(stack.HttpApi, "/orders").ToString();

    private static string GetUrl(OrdersStack stack, string orderId) => new Uri(stack.HttpApi, $"/orders/{orderId}").ToString();

    private static async Task<string> CreateOrderAsync(OrdersStack stack)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var created = await client.PostAsync(new Uri(stack.HttpApi, "/orders"), new StringContent("""{"item":"coffee","quantity":2}"""));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, $"POST /orders: {(int)created.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// fisctl run with one action on the tagged functions, load from the first moment of the action (no steady window,
    /// so every environment starts after the object is written and sees it at its first poll; the untagged function
    /// is the control) and a short recovery window. Returns report.json.
    /// </summary>
    private static async Task<JsonElement> RunExperimentAsync(OrdersStack stack, string orderId, int ratePerSecond, string actionId, string parameters)
    {
        var template = Path.Combine(stack.Directory, "template.json");
        await File.WriteAllTextAsync(template, $$"""
            {
              "description": "orders stack experiment",
              "targets": { "Tagged": { "resourceType": "aws:lambda:function", "resourceTags": { "FISExperimentReady": "Yes" }, "selectionMode": "ALL" } },
              "actions": { "fault": { "actionId": "{{actionId}}", "parameters": {{parameters}}, "targets": { "Functions": "Tagged" } } },
              "stopConditions": [{ "source": "none" }]
            }
            """);
        var reportDirectory = Path.Combine(stack.Directory, "report");
        var (exitCode, output) = await FisctlProcess.RunAsync(Path.Combine(stack.Directory, "fisctl-state"),
            "run", template, "--endpoint", stack.LambdaApi.ToString(), "--url", ListUrl(stack), "--url", GetUrl(stack, orderId),
            "--rate", $"{ratePerSecond}", "--pre", "PT0S", "--post", "PT4S", "--report", reportDirectory,
            // The functions' own timeout (30 s, OrdersStack with pollMaxWait) rather than fisctl's 10 s, which cold
            // starts under CI-like load outlasted: a request fisctl gives up on is an error that says nothing of the faults.
            "--timeout", "PT30S");
        Assert.True(exitCode == 0, $"fisctl run exited {exitCode}:\n{output}\n--- the stack:\n{stack.Output}");
        Assert.Empty(Directory.EnumerateFiles(stack.ConfigurationLocation, "*.json", SearchOption.AllDirectories));
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reportDirectory, "report.json"))).RootElement;
    }

    private static async Task GetOrderAsync(OrdersStack stack, string orderId)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var answer = await client.GetAsync(new Uri(GetUrl(stack, orderId)));
        Assert.True(answer.StatusCode == System.Net.HttpStatusCode.OK, $"GET /orders/{orderId}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>The latency of every load request to <paramref name="target"/>, from report.json's per-request records.</summary>
    private static List<double> Latencies(JsonElement report, string target) =>
        [.. Requests(report, target).Select(r => r.LatencyMilliseconds)];

    /// <summary>The load requests to <paramref name="target"/>, from report.json's per-request records.</summary>
    private static List<LoadRequestRecord> Requests(JsonElement report, string target) =>
        [.. report.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("target").GetString() == target)
            .Select(r => new LoadRequestRecord(r.GetProperty("sentAt").GetDateTimeOffset(), r.GetProperty("latencyMilliseconds").GetDouble(),
                r.TryGetProperty("status", out var status) ? status.GetInt32() : null, r.GetProperty("outcome").GetString()!))];

    private sealed record LoadRequestRecord(DateTimeOffset SentAt, double LatencyMilliseconds, int? Status, string Outcome)
    {
        public DateTimeOffset AnsweredAt => SentAt.AddMilliseconds(LatencyMilliseconds);
    }

    private static JsonElement Window(JsonElement report, string name, string target) =>
        report.GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("name").GetString() == name)
            .GetProperty("perTarget").GetProperty(target);
}
