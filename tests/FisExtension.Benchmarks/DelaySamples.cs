namespace FisExtension.Benchmarks;

/// <summary>
/// Every kept <c>GET /next</c> time of the delay part in milliseconds, in the order measured, with its round and the
/// seconds since the first kept one, so that a tail can be lined up with the 20 s poll cadence.
/// </summary>
internal sealed record DelaySamples(IReadOnlyList<DelaySample> Baseline, IReadOnlyList<DelaySample> Delayed);
