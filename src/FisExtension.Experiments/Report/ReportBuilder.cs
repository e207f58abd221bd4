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
            Summarise(ReportWindowNames.Steady, loadStart, schedule.StartTime, requests),
            Summarise(ReportWindowNames.Experiment, schedule.StartTime, schedule.EndTime, requests),
            Summarise(ReportWindowNames.Recovery, schedule.EndTime, loadEnd, requests),
        };
        var verdicts = hypotheses.Select(h => ClaimJudge.Judge(h, windows)).ToList();
        var verdict = verdicts.Count == 0 ? Verdicts.NoneStated : verdicts.All(v => v.Held) ? Verdicts.Held : Verdicts.NotHeld;
        return new ExperimentReport(experimentId, template, outcome, load, rate, loadStart, schedule.StartTime, schedule.EndTime, loadEnd,
            windows, ActionLagDetector.Detect(schedule, requests, windows[0].Overall), verdict, stoppedBy, verdicts, requests);
    }

    private static WindowSummary Summarise(string name, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<RequestRecord> requests)
    {
        var inWindow = requests.Where(r => r.SentAt >= start && r.SentAt < end).ToList();
        var perTarget = inWindow.GroupBy(r => r.Target).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => LoadStatistics.Of([.. g]), StringComparer.Ordinal);
        return new WindowSummary(name, start, end, LoadStatistics.Of(inWindow), perTarget);
    }
}
