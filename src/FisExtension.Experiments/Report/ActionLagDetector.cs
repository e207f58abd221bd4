using FisExtension.Experiments.Load;
using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.Report;

/// <summary>
/// The pickup and release lag of each action. With <c>--invoke</c> the extension's log tail names the action that hit
/// each invocation, so the affected requests are exactly those. Otherwise (plain HTTP) a request counts as affected when
/// it departs from steady state: an error, or a latency above twice the steady-state p99; only requests sent from the
/// action's start until the next action starts after it ends (else the end of the run) count, so a later fault is not
/// taken for a slow release. Overlapping actions cannot be told apart this way. The report names the detection used.
/// </summary>
public static class ActionLagDetector
{
    public const string FaultLog = "fault log (X-Amz-Log-Result)";
    public const string Departure = "departure from steady state (error, or latency > 2 x steady p99)";

    public static IReadOnlyList<ActionLag> Detect(ExperimentSchedule schedule, IReadOnlyList<RequestRecord> requests, LoadStatistics steady)
    {
        var faultsKnown = requests.Any(r => r.Faults.Count > 0);
        var threshold = 2 * (steady.P99 ?? 0);
        return [.. schedule.Actions.Select(scheduled =>
        {
            var name = scheduled.Action.Name;
            var affected = faultsKnown
                ? requests.Where(r => r.Faults.Contains(name, StringComparer.Ordinal)).ToList()
                : requests.Where(r => r.SentAt >= scheduled.StartTime && r.SentAt < NextStartAfter(schedule, scheduled) && r.Failure != LoadGenerator.Skipped
                    && (r.IsError || (steady.P99 is not null && r.LatencyMilliseconds > threshold))).ToList();
            return new ActionLag(name, scheduled.StartTime, scheduled.EndTime, faultsKnown ? FaultLog : Departure, affected.Count,
                affected.Count == 0 ? null : (affected.Min(r => r.SentAt) - scheduled.StartTime).TotalMilliseconds,
                affected.Count == 0 ? null : (affected.Max(r => r.SentAt) - scheduled.EndTime).TotalMilliseconds);
        })];
    }

    private static DateTimeOffset NextStartAfter(ExperimentSchedule schedule, ScheduledAction action) =>
        schedule.Actions.Where(a => a.StartTime >= action.EndTime).Select(a => a.StartTime).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
}
