using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;

namespace FisExtension.Experiments.Report;

/// <summary>Everything the report says, as written to <c>report.json</c>. <see cref="Periods"/> only for an imported load
/// (Artillery), which has no per-request records.</summary>
public sealed record ExperimentReport(
    string ExperimentId,
    string Template,
    string Outcome,
    string Load,
    double RatePerSecond,
    DateTimeOffset LoadStart,
    DateTimeOffset ExperimentStart,
    DateTimeOffset ExperimentEnd,
    DateTimeOffset LoadEnd,
    IReadOnlyList<WindowSummary> Windows,
    IReadOnlyList<ActionLag> Actions,
    string Verdict,
    StopConditionBreach? StoppedBy,
    IReadOnlyList<ClaimVerdict> Hypotheses,
    IReadOnlyList<RequestRecord> Requests,
    IReadOnlyList<PeriodSummary>? Periods = null);
