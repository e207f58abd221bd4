namespace FisExtension.Experiments.Scheduling;

/// <summary>The whole timeline: actions ordered by start, then name; the experiment ends when its last action ends.</summary>
public sealed record ExperimentSchedule(DateTimeOffset StartTime, IReadOnlyList<ScheduledAction> Actions)
{
    public TimeSpan Duration => Actions.Count == 0 ? TimeSpan.Zero : Actions.Max(a => a.EndOffset);

    public DateTimeOffset EndTime => StartTime + Duration;
}
