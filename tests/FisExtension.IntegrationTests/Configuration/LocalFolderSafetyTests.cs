using System.Diagnostics;
using FisExtension.IntegrationTests.Faults;
using FisExtension.IntegrationTests.Harness;
using FisExtension.Tests.Configuration.Support;
using Xunit.Abstractions;

namespace FisExtension.IntegrationTests.Configuration;

/// <summary>
/// Issue #9 end to end, with the published binary: a FIFO and a link out of the folder beside a valid fault, and
/// AWS_FIS_POLL_MAX_WAIT_MILLISECONDS=15000. Before the fix the open of the FIFO hung the first poll for good, so
/// every invocation waited the full 15 s and the valid fault never applied. (It was 500 ms, which a loaded machine's
/// ordinary invocation can take too.)
/// </summary>
public sealed class LocalFolderSafetyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(15);

    [Fact(Timeout = 120_000)]
    public async Task FifoAndLinkOutOfTheFolder_AreSkipped_TheValidFaultBesideThemApplies_AndNoInvocationWaitsTheMaximum()
    {
        using var faults = new FaultObjectWriter();
        using var elsewhere = new FaultObjectWriter();
        faults.WriteActive("EXPsafe", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        var outside = elsewhere.WriteActive("EXPoutside", "inject-delay", FaultObjectWriter.AddDelay, new Dictionary<string, object> { ["startupDelayMilliseconds"] = "5000" });
        File.CreateSymbolicLink(Path.Combine(faults.FunctionDirectory, "EXPoutside-inject-delay.json"), outside);
        Fifo.Make(Path.Combine(faults.FunctionDirectory, "EXP0-fifo.json"));
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults, ("AWS_FIS_POLL_MAX_WAIT_MILLISECONDS", $"{MaxWait.TotalMilliseconds}")));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var clock = Stopwatch.StartNew();
            var result = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo")));
            waits.Add(clock.Elapsed);
            InvocationErrorTests.AssertInjectedError(result, "EXPsafe", "inject-error");
        }

        output.WriteLine($"invocations took {string.Join(", ", waits.Select(w => $"{w.TotalMilliseconds:F0} ms"))}");

        // The first invocation may wait for the init poll; the later ones find the poll done or quick.
        Assert.All(waits.Skip(1), wait => Assert.True(wait < MaxWait, $"an invocation took {wait.TotalMilliseconds} ms"));
        Assert.True(await harness.ExtensionLoggedAsync("EXP0-fifo.json was skipped unread: it is empty or not a regular file"));
        Assert.True(await harness.ExtensionLoggedAsync("EXPoutside-inject-delay.json was skipped unread: it is a symbolic link to"));
    }
}
