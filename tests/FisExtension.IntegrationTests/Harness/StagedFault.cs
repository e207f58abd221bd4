namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// One fault that starts when the test says so, so that a no-fault baseline can be measured in the same environment
/// first. It is written pending (starting in 15 s), which keeps the extension on the hot cadence from the init poll
/// on; <see cref="ActivateAsync"/> moves its start to now — what a starting FIS action looks like to the extension —
/// and waits one hot interval, so that the next invocation starts a poll and waits for it
/// (<c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>).
/// </summary>
internal sealed class StagedFault(
    FaultObjectWriter writer,
    string experimentId,
    string actionName,
    string actionId,
    IReadOnlyDictionary<string, object> parameters)
{
    // One hot interval (1 s, FaultFunctions) and a margin.
    private static readonly TimeSpan PollDue = TimeSpan.FromMilliseconds(1200);

    private string? _path;

    public string ExperimentId => experimentId;

    public string ActionName => actionName;

    public void WritePending()
    {
        var now = DateTimeOffset.UtcNow;
        _path = writer.Write(experimentId, actionName, actionId, now.AddSeconds(15), now.AddMinutes(10), parameters);
    }

    public async Task ActivateAsync()
    {
        var now = DateTimeOffset.UtcNow;
        _path = writer.Write(experimentId, actionName, actionId, now.AddSeconds(-1), now.AddMinutes(10), parameters);
        await Task.Delay(PollDue);
    }

    /// <summary>Deletes the object, as FIS does when the action ends, and waits until the next invocation polls.</summary>
    public async Task RemoveAsync()
    {
        File.Delete(_path ?? throw new InvalidOperationException("the fault was never written"));
        await Task.Delay(PollDue);
    }
}
