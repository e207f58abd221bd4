namespace FisExtension.Experiments.Report;

/// <summary>Latency percentiles (nearest rank, over every request sent, timeouts at their timeout), error rate and outcome counts.</summary>
public sealed record LoadStatistics(int Requests, int Errors, double ErrorRate, double? P50, double? P95, double? P99, IReadOnlyDictionary<string, int> Outcomes)
{
    public static LoadStatistics Of(IReadOnlyCollection<Load.RequestRecord> records)
    {
        var sent = records.Where(r => r.Failure != Load.LoadGenerator.Skipped).Select(r => r.LatencyMilliseconds).Order().ToList();
        var errors = records.Count(r => r.IsError);
        var outcomes = records.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LoadStatistics(records.Count, errors, records.Count == 0 ? 0 : (double)errors / records.Count,
            Percentile(sent, 50), Percentile(sent, 95), Percentile(sent, 99), outcomes);
    }

    /// <summary>Nearest rank: the smallest value with at least p% of the values at or below it.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];
}
