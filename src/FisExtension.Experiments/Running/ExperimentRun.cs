using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.Running;

/// <summary>An experiment ready to run: its id, its timeline, and for each action the objects it puts (one per function).</summary>
public sealed record ExperimentRun(string ExperimentId, ExperimentSchedule Schedule, IReadOnlyDictionary<string, IReadOnlyList<FaultObjectAddress>> ObjectsByAction);
