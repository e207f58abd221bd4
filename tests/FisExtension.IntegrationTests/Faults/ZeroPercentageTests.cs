using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// <c>invocationPercentage</c> 0: outside the documented range 1–100 (docs/configuration.md), so the object is
/// rejected with a log line naming the problem and never applies. A valid fault of the other kind sits beside it,
/// proving in the same invocation that the extension is injecting.
/// </summary>
public sealed class ZeroPercentageTests
{
    private const int WitnessDelayMilliseconds = 300;

    [Theory(Timeout = 60_000)]
    [InlineData(FaultObjectWriter.AddDelay, null)]
    [InlineData(FaultObjectWriter.InvocationError, true)]
    [InlineData(FaultObjectWriter.InvocationError, false)]
    [InlineData(FaultObjectWriter.HttpIntegrationResponse, true)]
    [InlineData(FaultObjectWriter.HttpIntegrationResponse, false)]
    public async Task ZeroPercentage_IsRejectedAsInvalid_AndNeverApplies(string actionId, bool? preventExecution)
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        var parameters = new Dictionary<string, object>
        {
            ["invocationPercentage"] = "0",
            ["startupDelayMilliseconds"] = "30000",
            ["statusCode"] = "503",
        };
        if (preventExecution is { } prevent)
        {
            parameters["preventExecution"] = prevent;
        }

        var key = faults.WriteActive("EXPzero", "inject-zero", actionId, parameters);
        var delayIsZero = actionId == FaultObjectWriter.AddDelay;
        if (delayIsZero)
        {
            faults.WriteActive("EXPzero", "witness-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = false });
        }
        else
        {
            faults.WriteActive("EXPzero", "witness-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object> { ["startupDelayMilliseconds"] = WitnessDelayMilliseconds });
        }

        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var first = await harness.Emulator.InvokeAsync(payload);
        var second = await harness.Emulator.InvokeAsync(payload);
        await harness.ShutdownAndAwaitTheWholeLogAsync(); // so that a missing line means something

        Assert.Contains(ExtensionOutput.Lines(harness), l => l.Contains($"fault configuration {key} is invalid and was skipped", StringComparison.Ordinal)
            && l.Contains("invocationPercentage 0 is below 1", StringComparison.Ordinal));
        Assert.DoesNotContain(ExtensionOutput.Lines(harness), l => l.Contains("adding 30000 milliseconds", StringComparison.Ordinal));
        foreach (var result in new[] { first, second })
        {
            // The would-be 30 s delay did not happen, whichever fault is the zero one: no 'adding 30000' line above,
            // and less than the delay (8 s was a bound on the machine's speed, which CI-like load broke).
            Assert.False(result.TimedOut);
            Assert.True(result.Duration < TimeSpan.FromMilliseconds(30000), $"took {result.Duration.TotalMilliseconds} ms");
            if (delayIsZero)
            {
                Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
                Assert.Contains("action witness-error", Json.String(result.Payload, "errorMessage"), StringComparison.Ordinal);
            }
            else
            {
                Assert.True(result.Duration >= TimeSpan.FromMilliseconds(WitnessDelayMilliseconds), $"took {result.Duration.TotalMilliseconds} ms");
                Assert.Null(result.FunctionError);
                Assert.Equal(payload, result.Payload);
            }
        }

        Assert.Equal([first.RequestId, second.RequestId], marker.RequestIds);
    }
}
