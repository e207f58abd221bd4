namespace FisExtension.Experiments.Report;

/// <summary>One reporting period of an imported load (an Artillery period): its requests, errors and latency quantiles,
/// as the load tool reported them. The report keeps them because it has no per-request records to chart instead.</summary>
public sealed record PeriodSummary(DateTimeOffset Start, DateTimeOffset End, int Requests, int Errors, double? P50, double? P99);
