namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// One fault that starts when the test says so, so that a no-fault baseline can be measured in the same environment
/// first. It is written pending (starting in 15 s), which keeps the extension on the hot cadence from the init poll
/// on; <see cref="Activate"/> moves its start to now — what a starting FIS action looks like to the extension.
/// </summary>
internal sealed class StagedFault(
    FaultObjectWriter writer,
    string experimentId,
    string actionName,
    string actionId,
    IReadOnlyDictionary<string, object> parameters)
{
    private string? _path;

    public string ExperimentId => experimentId;

    public string ActionName => actionName;

    /// <summary>What a poll logs once it has read the fault active.</summary>
    public string FoundActive => $"found active faults: {experimentId}/{actionName} ({actionId}, active";

    public void WritePending()
    {
        var now = DateTimeOffset.UtcNow;
        _path = writer.Write(experimentId, actionName, actionId, now.AddSeconds(15), now.AddMinutes(10), parameters);
    }

    public void Activate()
    {
        var now = DateTimeOffset.UtcNow;
        _path = writer.Write(experimentId, actionName, actionId, now.AddSeconds(-1), now.AddMinutes(10), parameters);
    }

    /// <summary>
    /// <see cref="Activate"/>, then invokes the function with an echo event (no marker file) until a poll has read the
    /// fault active: a fixed wait for the next poll was not enough under CI-like load, where a poll that started before
    /// the write was still running when the next invocation came. The fault applies to those invocations too.
    /// </summary>
    public async Task ActivateAsync(ExtensionHarness harness)
    {
        Activate();
        await harness.InvokeUntilTheExtensionLogsAsync(FoundActive);
    }

    /// <summary>Deletes the object, as FIS does when the action ends.</summary>
    public void Remove() => File.Delete(_path ?? throw new InvalidOperationException("the fault was never written"));

    /// <summary><see cref="Remove"/>, then invokes as <see cref="ActivateAsync"/> does until a poll has found no fault.</summary>
    public async Task RemoveAsync(ExtensionHarness harness)
    {
        Remove();
        await harness.InvokeUntilTheExtensionLogsAsync(ExtensionOutput.NoActiveFaults);
    }
}
