using System.Text.Json;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary><c>aws:lambda:invocation-http-integration-response</c> end to end: the shell runtime started through the wrapper, the real extension.</summary>
public sealed class HttpIntegrationResponseTests
{
    private const string ServiceUnavailableJson = """{"message":"Service Unavailable","source":"aws-fis"}""";

    [Fact(Timeout = 60_000)]
    public async Task PreventingExecution_AnswersTheSyntheticResponseWithoutRunningTheHandler_AndTheRuntimeGetsTheNextEvent()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var http = Staged(faults, "EXPhttp1", preventExecution: true);
        http.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await http.ActivateAsync(harness);
        var synthetic = await harness.Emulator.InvokeAsync(payload);
        await http.RemoveAsync(harness);
        var after = await harness.Emulator.InvokeAsync(payload);

        AssertSyntheticResponse(synthetic.Payload, 503, "application/json", ServiceUnavailableJson, statusDescription: null);
        Assert.Null(synthetic.FunctionError);
        Assert.Equal(payload, baseline.Payload);
        Assert.Equal(payload, after.Payload);
        Assert.Equal([baseline.RequestId, after.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task NotPreventingExecution_RunsTheHandler_ThenReplacesItsResponse()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var http = Staged(faults, "EXPhttp2", preventExecution: false);
        http.WritePending();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var baseline = await harness.Emulator.InvokeAsync(payload);
        await http.ActivateAsync(harness);
        var synthetic = await harness.Emulator.InvokeAsync(payload);

        Assert.Equal(payload, baseline.Payload);
        AssertSyntheticResponse(synthetic.Payload, 503, "application/json", ServiceUnavailableJson, statusDescription: null);
        Assert.Null(synthetic.FunctionError);
        Assert.Equal([baseline.RequestId, synthetic.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task HandlerThatFails_HasItsErrorReplacedBySuccessfulSyntheticResponse()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPhttp3", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "504",
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));

        var synthetic = await harness.Emulator.InvokeAsync(Json.Event(("action", "error"), ("errorType", "OrderRejected"), ("markerFile", marker.Path)));

        Assert.Null(synthetic.FunctionError);
        Assert.False(synthetic.ResultRequestHeaders.ContainsKey("Lambda-Runtime-Function-Error-Type"), "the synthetic response went up as an error");
        Assert.Equal("application/json", synthetic.ContentType);
        AssertSyntheticResponse(synthetic.Payload, 504, "application/json", """{"message":"Gateway Timeout","source":"aws-fis"}""", statusDescription: null);
        Assert.Equal([synthetic.RequestId], marker.RequestIds);
    }

    /// <summary>Checks the whole document: its fields, their values, and that there is nothing else.</summary>
    internal static void AssertSyntheticResponse(byte[] payload, int statusCode, string contentType, string body, string? statusDescription, bool multiValueHeaders = false)
    {
        var document = Json.Parse(payload);
        Assert.Equal(JsonValueKind.Object, document.ValueKind);
        Assert.Equal(statusCode, document.GetProperty("statusCode").GetInt32());
        if (multiValueHeaders)
        {
            var values = document.GetProperty("multiValueHeaders");
            Assert.Equal([contentType], values.GetProperty("Content-Type").EnumerateArray().Select(v => v.GetString()));
            Assert.Single(values.EnumerateObject());
            Assert.False(document.TryGetProperty("headers", out _), Json.Text(payload));
        }
        else
        {
            var headers = document.GetProperty("headers");
            Assert.Equal(contentType, headers.GetProperty("Content-Type").GetString());
            Assert.Single(headers.EnumerateObject());
            Assert.False(document.TryGetProperty("multiValueHeaders", out _), Json.Text(payload));
        }

        Assert.Equal(body, document.GetProperty("body").GetString());
        Assert.False(document.GetProperty("isBase64Encoded").GetBoolean());
        if (statusDescription is null)
        {
            Assert.False(document.TryGetProperty("statusDescription", out _), Json.Text(payload));
            Assert.Equal(4, document.EnumerateObject().Count());
        }
        else
        {
            Assert.Equal(statusDescription, document.GetProperty("statusDescription").GetString());
            Assert.Equal(5, document.EnumerateObject().Count());
        }
    }

    private static StagedFault Staged(FaultObjectWriter faults, string experimentId, bool preventExecution) =>
        new(faults, experimentId, "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "100",
            ["preventExecution"] = preventExecution,
            ["statusCode"] = "503",
        });
}
