namespace FisExtension.Configuration;

/// <summary>What one poll did, for metrics: its latency, whether the store answered, the faults active after it.</summary>
/// <param name="LastSuccessAt">When the store last answered; the configuration's age is now minus this. Null before the first success.</param>
internal sealed record PollOutcome(TimeSpan Latency, bool Succeeded, int ActiveFaults, DateTimeOffset? LastSuccessAt);
