using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Hypothesis;

/// <summary>The names a hypothesis can use: latency percentiles in milliseconds, and the error rate as a fraction (50% = 0.5).</summary>
public static class Metrics
{
    public const string ErrorRate = "errorRate";
    public const string P50 = "p50";
    public const string P95 = "p95";
    public const string P99 = "p99";

    public static readonly string[] Names = [ErrorRate, P50, P95, P99];

    public static readonly string[] Windows = [ReportWindowNames.Steady, ReportWindowNames.Experiment, ReportWindowNames.Recovery];

    /// <summary>Null when the window had no request to measure.</summary>
    public static double? Of(LoadStatistics statistics, string metric) => metric switch
    {
        ErrorRate => statistics.Requests == 0 ? null : statistics.ErrorRate,
        P50 => statistics.P50,
        P95 => statistics.P95,
        _ => statistics.P99,
    };
}
