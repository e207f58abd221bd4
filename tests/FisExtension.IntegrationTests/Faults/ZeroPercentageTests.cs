using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// <c>invocationPercentage</c> 0: outside the documented range 1–100 (docs/configuration.md), so the object is
/// rejected with a log line naming the problem, and every invocation runs as without the extension.
/// </summary>
public sealed class ZeroPercentageTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(FaultObjectWriter.AddDelay, null)]
    [InlineData(FaultObjectWriter.InvocationError, true)]
    [InlineData(FaultObjectWriter.InvocationError, false)]
    [InlineData(FaultObjectWriter.HttpIntegrationResponse, true)]
    [InlineData(FaultObjectWriter.HttpIntegrationResponse, false)]
    public async Task ZeroPercentage_IsRejectedAsInvalid_AndTheHandlerRunsUntouched(string actionId, bool? preventExecution)
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var parameters = new Dictionary<string, object>
        {
            ["invocationPercentage"] = "0",
            ["startupDelayMilliseconds"] = "5000",
            ["statusCode"] = "503",
        };
        if (preventExecution is { } prevent)
        {
            parameters["preventExecution"] = prevent;
        }

        var key = faults.WriteActive("EXPzero", "inject", actionId, parameters);
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var first = await harness.Emulator.InvokeAsync(payload);
        var second = await harness.Emulator.InvokeAsync(payload);

        Assert.Contains(ExtensionOutput.Lines(harness), l => l.Contains($"fault configuration {key} is invalid and was skipped", StringComparison.Ordinal)
            && l.Contains("invocationPercentage", StringComparison.Ordinal));
        foreach (var result in new[] { first, second })
        {
            Assert.Null(result.FunctionError);
            Assert.Equal(payload, result.Payload);
            Assert.True(result.Duration < TimeSpan.FromMilliseconds(3000), $"the would-be 5000 ms delay: took {result.Duration.TotalMilliseconds} ms");
        }

        Assert.Equal([first.RequestId, second.RequestId], marker.RequestIds);
    }
}
