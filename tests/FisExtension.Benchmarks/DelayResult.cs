namespace FisExtension.Benchmarks;

/// <summary>
/// How exactly an injected start-up delay is kept: each <c>GET /next</c> through a delaying proxy, minus the median
/// <c>/next</c> of a proxy without faults, minus the requested delay. Milliseconds throughout.
/// </summary>
internal sealed record DelayResult(
    int RequestedMs,
    int BlockSize,
    int WarmupDelays,
    Distribution BaselineNextMs,
    Distribution DelayedNextMs,
    Distribution ActualMinusRequestedMs,
    int Errors,
    string? FirstError);
