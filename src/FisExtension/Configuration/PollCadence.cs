using FisExtension.Faults;

namespace FisExtension.Configuration;

/// <summary>When the next poll is due: hot while a fault is active or starts before the next slow poll, else slow.</summary>
internal static class PollCadence
{
    public static TimeSpan NextInterval(IEnumerable<FaultDefinition> known, DateTimeOffset now, TimeSpan slow, TimeSpan hot) =>
        known.Any(fault => fault.EndTime > now && fault.StartTime <= now + slow) ? (hot < slow ? hot : slow) : slow;
}
