using System.Globalization;
using FisExtension.Faults;

namespace FisExtension.Configuration;

/// <summary>Names faults in one log line: experiment, action, action id, and when each is active.</summary>
internal static class FaultSummary
{
    public static string Describe(IEnumerable<FaultDefinition> faults, DateTimeOffset now) =>
        string.Join("; ", faults.Select(fault => string.Create(CultureInfo.InvariantCulture,
            $"{fault.ExperimentId}/{fault.ActionName} ({fault.ActionId}, {(fault.IsActiveAt(now) ? "active" : "starts " + Format(fault.StartTime))} until {Format(fault.EndTime)})")));

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
