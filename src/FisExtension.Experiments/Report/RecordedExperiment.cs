namespace FisExtension.Experiments.Report;

/// <summary>What an Artillery import takes from the <c>report.json</c> of a <c>fisctl run</c>: the experiment, when it
/// ran and when each action started and ended.</summary>
public sealed record RecordedExperiment(
    string ExperimentId,
    string Template,
    string Outcome,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<(string Action, DateTimeOffset Start, DateTimeOffset End)> Actions);
