using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.Report;

/// <summary>Sorts the requests into the three windows by the time they were sent and summarises each.</summary>
public static class ReportBuilder
{
    public static ExperimentReport Build(string experimentId, string template, string outcome, string load, double rate,
        ExperimentSchedule schedule, DateTimeOffset loadStart, DateTimeOffset loadEnd, IReadOnlyList<RequestRecord> requests, IReadOnlyList<Claim> hypotheses, StopConditionBreach? stoppedBy)
    {
        var windows = new[]
        {
            Summarise(ReportWindowNames.Steady, loadStart, schedule.StartTime, SentBetween(requests, loadStart, schedule.StartTime)),
            Summarise(ReportWindowNames.Experiment, schedule.StartTime, schedule.EndTime, SentBetween(requests, schedule.StartTime, schedule.EndTime)),
            // Nothing is due at or after loadEnd: a request sent after it was sent late (a loaded machine, a pause) and
            // still belongs to the last window, or the windows would add up to fewer requests than were sent.
            Summarise(ReportWindowNames.Recovery, schedule.EndTime, loadEnd, SentBetween(requests, schedule.EndTime, DateTimeOffset.MaxValue)),
        };
        var verdicts = hypotheses.Select(h => ClaimJudge.Judge(h, windows)).ToList();
        var verdict = verdicts.Count == 0 ? Verdicts.NoneStated : verdicts.All(v => v.Held) ? Verdicts.Held : Verdicts.NotHeld;
        return new ExperimentReport(experimentId, template, outcome, load, rate, loadStart, schedule.StartTime, schedule.EndTime, loadEnd,
            windows, ActionLagDetector.Detect(schedule, requests, windows[0].Overall), verdict, stoppedBy, verdicts, requests);
    }

    private static List<RequestRecord> SentBetween(IReadOnlyList<RequestRecord> requests, DateTimeOffset from, DateTimeOffset until) =>
        [.. requests.Where(r => r.SentAt >= from && r.SentAt < until)];

    private static WindowSummary Summarise(string name, DateTimeOffset start, DateTimeOffset end, List<RequestRecord> inWindow)
    {
        var perTarget = inWindow.GroupBy(r => r.Target).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => LoadStatistics.Of([.. g]), StringComparer.Ordinal);
        return new WindowSummary(name, start, end, LoadStatistics.Of(inWindow), perTarget);
    }
}
