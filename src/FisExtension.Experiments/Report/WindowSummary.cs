namespace FisExtension.Experiments.Report;

/// <summary>One report window (steady, experiment, recovery): its bounds, overall statistics and statistics per function or URL.</summary>
public sealed record WindowSummary(string Name, DateTimeOffset Start, DateTimeOffset End, LoadStatistics Overall, IReadOnlyDictionary<string, LoadStatistics> PerTarget);
