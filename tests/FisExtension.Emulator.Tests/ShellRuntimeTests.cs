using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

public sealed class ShellRuntimeTests
{
    [Fact(Timeout = 30000)]
    public async Task Echo_ReturnsTheEventBytes()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var result = await emulator.InvokeAsync(Json.Bytes("""{"action":"echo","value":42}"""));

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.FunctionError);
        Assert.Equal("""{"action":"echo","value":42}""", Json.Text(result.Payload));
    }

    [Fact(Timeout = 30000)]
    public async Task ErrorAction_AnswersUnhandledWithTheRuntimeBody()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var result = await emulator.InvokeAsync(Json.Bytes("""{"action":"error","errorType":"MyError","errorMessage":"nope"}"""));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("MyError", result.ErrorType);
        Assert.Equal("nope", Json.Property(result.Payload, "errorMessage"));
    }

    [Fact(Timeout = 30000)]
    public async Task MarkerFile_RecordsEachHandledRequestId()
    {
        using var scratch = new TempDirectory();
        var marker = scratch.File("marker");
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var first = await emulator.InvokeAsync(Json.Bytes($$"""{"markerFile":"{{marker}}"}"""));
        var second = await emulator.InvokeAsync(Json.Bytes($$"""{"markerFile":"{{marker}}"}"""));

        Assert.Equal([first.RequestId, second.RequestId], File.ReadAllLines(marker));
    }
}
