namespace FisExtension.Emulator.Lifecycle;

/// <summary>How an invoke phase ended, as the environment saw it. <paramref name="ResetReason"/> is a shutdown reason
/// when the environment must be reset (timeout, crash).</summary>
internal sealed record InvocationOutcome(ResponseHead Head, ResponseTail Tail, TimeSpan Duration, TimeSpan? ExtensionsDuration,
    long MaxMemoryUsedKb, bool TimedOut, string? ResetReason);
