using System.Text.Json;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>What the extension writes per injected fault: EMF metrics and log lines in the function's log format.</summary>
public sealed class TelemetryTests
{
    [Fact(Timeout = 60_000)]
    public async Task EveryInjectedFault_WritesOneFaultInjectedMetric_NamingTheActionAndTheFunction()
    {
        const int Invocations = 3;
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPmetrics", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object> { ["startupDelayMilliseconds"] = "50" });
        faults.WriteActive("EXPmetrics", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "false" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults, ("AWS_FIS_EXTENSION_METRICS", "all")));
        await using var runtime = EchoRuntime.Start(harness);
        await harness.InitUntilTheExtensionLogsAsync("found active faults: EXPmetrics/inject-delay");

        for (var i = 0; i < Invocations; i++)
        {
            var result = await harness.Emulator.InvokeAsync(Json.Event(("n", i)));
            Assert.Equal("FisInjectedError", result.ErrorType);
        }

        await harness.Emulator.ShutdownAsync();
        Assert.True(await Eventually.TrueAsync(() => ExtensionOutput.Metrics(harness, "FaultInjected").Count >= 2 * Invocations), "too few FaultInjected metrics");

        var injected = ExtensionOutput.Metrics(harness, "FaultInjected");
        Assert.Equal(2 * Invocations, injected.Count);
        Assert.All(injected, line =>
        {
            Assert.Equal("fis-test-function", line.GetProperty("Invocation").GetString());
            Assert.Equal(1, line.GetProperty("FaultInjected").GetInt32());
            var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            Assert.Equal("aws-fis-extension", directive.GetProperty("Namespace").GetString());
            Assert.Equal(["FaultId", "Invocation"], directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()));
        });
        Assert.Equal(Invocations, injected.Count(line => line.GetProperty("FaultId").GetString() == FaultObjectWriter.AddDelay));
        Assert.Equal(Invocations, injected.Count(line => line.GetProperty("FaultId").GetString() == FaultObjectWriter.InvocationError));
    }

    [Fact(Timeout = 60_000)]
    public async Task EveryDraw_IsCountedAsInjectedOrSkipped_MatchingWhatTheCallerSaw()
    {
        const int Invocations = 12;
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPskip", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["invocationPercentage"] = "50" });
        await using var harness = await ExtensionHarness.StartAsync(
            FaultFunctions.InTestRuntime(faults, ("AWS_FIS_EXTENSION_METRICS", "all"), ("AWS_FIS_RANDOM_SEED", "99")));
        await using var runtime = EchoRuntime.Start(harness);
        await harness.InitUntilTheExtensionLogsAsync("found active faults: EXPskip/inject-error");

        var failed = 0;
        for (var i = 0; i < Invocations; i++)
        {
            failed += (await harness.Emulator.InvokeAsync(Json.Event(("n", i)))).FunctionError is null ? 0 : 1;
        }

        await harness.Emulator.ShutdownAsync();
        Assert.True(
            await Eventually.TrueAsync(() => ExtensionOutput.Metrics(harness, "FaultInjected").Count + ExtensionOutput.Metrics(harness, "FaultSkipped").Count >= Invocations),
            "too few FaultInjected and FaultSkipped metrics");

        Assert.InRange(failed, 1, Invocations - 1);
        Assert.Equal(failed, ExtensionOutput.Metrics(harness, "FaultInjected").Count);
        Assert.Equal(Invocations - failed, ExtensionOutput.Metrics(harness, "FaultSkipped").Count);
        Assert.All(ExtensionOutput.Metrics(harness, "FaultSkipped"), line => Assert.Equal(FaultObjectWriter.InvocationError, line.GetProperty("FaultId").GetString()));
    }

    [Fact(Timeout = 60_000)]
    public async Task DelayInTheJsonLogFormat_IsLoggedWithTheRequestIdAsAField()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPlog", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object> { ["startupDelayMilliseconds"] = "150" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { LogFormat = "JSON" });
        await using var runtime = EchoRuntime.Start(harness);
        await harness.InitUntilTheExtensionLogsAsync("found active faults: EXPlog/inject-delay");

        var result = await harness.Emulator.InvokeAsync(Json.Event(("n", 1)));
        Assert.True(await Eventually.TrueAsync(() => LatencyLines(harness).Any()), "no latency line");

        var line = Assert.Single(LatencyLines(harness));
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.True(DateTimeOffset.TryParse(line.GetProperty("timestamp").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(
            "AWS FIS EXTENSION - adding 150 milliseconds of latency to function invocation (experiment EXPlog, action inject-delay)",
            line.GetProperty("fields").GetProperty("message").GetString());
        Assert.Equal(result.RequestId, line.GetProperty("fields").GetProperty("requestId").GetString());
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(150));
    }

    [Fact(Timeout = 60_000)]
    public async Task OverrideInTheJsonLogFormat_IsLoggedWithTheRequestIdAsAField()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPlog2", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "503",
            ["preventExecution"] = "true",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults) with { LogFormat = "JSON" });
        await using var runtime = EchoRuntime.Start(harness);
        await harness.InitUntilTheExtensionLogsAsync("found active faults: EXPlog2/inject-http");
        const string Expected = "AWS FIS EXTENSION - returning a synthetic HTTP 503 response without running the function (experiment EXPlog2, action inject-http)";

        var result = await harness.Emulator.InvokeAsync(Json.Event(("n", 1)));
        Assert.True(await Eventually.TrueAsync(() => ExtensionOutput.JsonLines(harness).Any(l => Json.Find(l, "fields", "message")?.GetString() == Expected)), "no override line");

        var line = Assert.Single(ExtensionOutput.JsonLines(harness), l => Json.Find(l, "fields", "message")?.GetString() == Expected);
        Assert.Equal(result.RequestId, line.GetProperty("fields").GetProperty("requestId").GetString());
        Assert.Equal(503, Json.Parse(result.Payload).GetProperty("statusCode").GetInt32());
    }

    private static IEnumerable<JsonElement> LatencyLines(ExtensionHarness harness) => ExtensionOutput.JsonLines(harness)
        .Where(line => Json.Find(line, "fields", "message") is { ValueKind: JsonValueKind.String } message
            && message.GetString()!.Contains("milliseconds of latency", StringComparison.Ordinal));
}
