namespace FisExtension.Benchmarks;

/// <summary>
/// Everything one run measured; a part that was skipped is null (or empty). The load averages tell a reader how
/// busy the shared machine was, which is what the tails mostly depend on.
/// </summary>
internal sealed record BenchReport(
    string StartedAtUtc,
    string Machine,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    string Binary,
    IReadOnlyDictionary<string, string> ExtraExtensionEnvironment,
    SizeResult? Size,
    VersusResult? Versus,
    StartupResult? Startup,
    MemoryResult? Memory,
    IReadOnlyList<LatencyResult> Latency,
    DelayResult? Delay,
    IReadOnlyList<PercentageResult> Percentage,
    IReadOnlyList<string> UnexpectedExtensionOutput);
