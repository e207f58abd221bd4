namespace FisExtension.Benchmarks;

/// <summary>Everything one run measured; a part that was skipped is null (or empty).</summary>
internal sealed record BenchReport(
    string StartedAtUtc,
    string Machine,
    string Binary,
    SizeResult? Size,
    StartupResult? Startup,
    MemoryResult? Memory,
    IReadOnlyList<LatencyResult> Latency,
    IReadOnlyList<string> UnexpectedExtensionOutput);
