using System.Text;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>Response streaming (aws-lambda-ric's <c>streamifyResponse</c>, tests/functions/node-echo <c>index.stream</c>) under faults.</summary>
public sealed class StreamingTests
{
    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_StaysAStream_UnderADelayFault()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPstream1", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "400",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults, "index.stream"));

        var result = await harness.Emulator.InvokeAsync(StreamEvent(marker));

        Assert.True(result.Streamed);
        Assert.Null(result.FunctionError);
        Assert.Equal("hello, world", Encoding.UTF8.GetString(result.Payload));
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(400), $"invocation took {result.Duration.TotalMilliseconds} ms");
        Assert.Equal([result.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_KeepsItsMidStreamErrorTrailers_UnderADelayFault()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPstream3", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object>
        {
            ["startupDelayMilliseconds"] = "300",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults, "index.stream"));

        var result = await harness.Emulator.InvokeAsync(
            Encoding.UTF8.GetBytes("""{"chunks":["partial"],"delayMs":20,"action":"error","errorMessage":"stream broke"}"""));

        Assert.True(result.Streamed);
        Assert.Equal("partial", Encoding.UTF8.GetString(result.Payload));
        Assert.NotNull(result.ErrorTrailerType);
        Assert.Contains("stream broke", Encoding.UTF8.GetString(Convert.FromBase64String(result.ErrorTrailerBody!)), StringComparison.Ordinal);
        Assert.True(result.Duration >= TimeSpan.FromMilliseconds(300), $"invocation took {result.Duration.TotalMilliseconds} ms");
    }

    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_IsReplacedWhole_ByAnHttpResponseFault()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPstream2", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "502",
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults, "index.stream"));

        var result = await harness.Emulator.InvokeAsync(StreamEvent(marker));

        Assert.False(result.Streamed);
        Assert.Null(result.FunctionError);
        HttpIntegrationResponseTests.AssertSyntheticResponse(
            result.Payload, 502, "application/json", """{"message":"Bad Gateway","source":"aws-fis"}""", statusDescription: null);
        Assert.Equal([result.RequestId], marker.RequestIds);
    }

    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_IsReplacedWhole_ByAnInjectedError()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPstream4", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults, "index.stream"));

        var result = await harness.Emulator.InvokeAsync(StreamEvent(marker));

        Assert.False(result.Streamed);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
        Assert.Equal([result.RequestId], marker.RequestIds);
    }

    private static byte[] StreamEvent(MarkerFile marker) =>
        Encoding.UTF8.GetBytes($$"""{"chunks":["hello",", ","world"],"delayMs":30,"markerFile":"{{marker.Path}}"}""");
}
