namespace FisExtension.Faults;

/// <summary>Where the proxy reads the current faults. Implemented by the configuration poller.</summary>
internal interface IFaultSnapshotSource
{
    /// <summary>The latest snapshot; never null, <see cref="FaultSnapshot.Empty"/> when nothing is known.</summary>
    FaultSnapshot Current { get; }

    /// <summary>
    /// Called when an invocation arrives: starts a poll that fell due (after a freeze, judged by wall-clock time)
    /// and waits for an in-flight poll at most the user's <c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>.
    /// </summary>
    ValueTask OnInvocationAsync(CancellationToken cancellationToken);
}
