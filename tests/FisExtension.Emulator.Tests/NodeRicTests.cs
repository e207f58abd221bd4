using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The official Node.js runtime interface client (aws-lambda-ric) running tests/functions/node-echo.</summary>
public sealed class NodeRicTests
{
    private static FunctionDefinition NodeEcho(string handler = "index.handler", TimeSpan? timeout = null) => new()
    {
        FunctionName = "node-echo",
        RuntimeCommand = [TestPaths.NodeRic, handler],
        Handler = handler,
        TaskRoot = TestPaths.NodeEchoTaskRoot,
        ExecutionEnvironment = "AWS_Lambda_nodejs20.x",
        // Only the timeout test needs a short one: on a loaded machine (CI, 2026-12-02) a throw took Node.js over 3 s.
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
    };

    [Fact(Timeout = 30000)]
    public async Task Echo_ReturnsTheEvent()
    {
        await using var emulator = await Emulators.StartAsync(NodeEcho());

        var result = await emulator.InvokeAsync(Json.Bytes("""{"action":"echo","n":1}"""));

        Assert.Null(result.FunctionError);
        Assert.Equal("""{"action":"echo","n":1}""", Json.Text(result.Payload));
        Assert.True(result.ColdStart);
    }

    [Fact(Timeout = 30000)]
    public async Task Throw_AnswersUnhandledWithTheErrorTypeInTheBody()
    {
        await using var emulator = await Emulators.StartAsync(NodeEcho());

        var result = await emulator.InvokeAsync(Json.Bytes("""{"action":"error","errorType":"ValidationError","errorMessage":"bad input"}"""));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("ValidationError", Json.Property(result.Payload, "errorType"));
        Assert.Equal("bad input", Json.Property(result.Payload, "errorMessage"));
    }

    [Fact(Timeout = 60000)]
    public async Task SleepPastTheTimeout_TimesOutAndTheNextInvokeWorks()
    {
        // 8 s: the echo after the reset has the same deadline, and a loaded machine's stalls ran past 3 s.
        await using var emulator = await Emulators.StartAsync(NodeEcho(timeout: TimeSpan.FromSeconds(8)));

        var timedOut = await emulator.InvokeAsync(Json.Bytes("""{"action":"sleep","sleepMs":30000}"""));
        var next = await emulator.InvokeAsync(Json.Bytes("""{"action":"echo"}"""));

        Assert.True(timedOut.TimedOut);
        Assert.EndsWith("Task timed out after 8.00 seconds", Json.Property(timedOut.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.Null(next.FunctionError);
        Assert.True(next.ColdStart);
    }

    [Fact(Timeout = 30000)]
    public async Task StreamingHandler_StreamsChunksAndReportsAMidStreamErrorInTheTrailers()
    {
        await using var emulator = await Emulators.StartAsync(NodeEcho("index.stream"));

        var ok = await emulator.InvokeAsync(Json.Bytes("""{"chunks":["a","b","c"],"delayMs":20}"""));
        var failed = await emulator.InvokeAsync(Json.Bytes("""{"chunks":["x"],"action":"error","errorMessage":"mid-stream"}"""));

        Assert.True(ok.Streamed);
        Assert.Equal("abc", Json.Text(ok.Payload));
        Assert.Null(ok.ErrorTrailerType);
        Assert.True(failed.Streamed);
        Assert.Equal("x", Json.Text(failed.Payload));
        Assert.NotNull(failed.ErrorTrailerType);
        Assert.Contains("mid-stream", Encoding(failed.ErrorTrailerBody), StringComparison.Ordinal);
    }

    // The Node client sends the trailer body base64-encoded.
    private static string Encoding(string? base64) => base64 is null ? "" : Json.Text(Convert.FromBase64String(base64));
}
