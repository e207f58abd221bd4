using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load.Artillery;

namespace FisExtension.Experiments.Report;

/// <summary>
/// The report of an experiment whose load Artillery made, from its periods: each period belongs to the window holding
/// its middle (steady before the experiment, experiment, recovery after it). Counts and error rates are exact per
/// period; percentiles are estimated (<see cref="QuantileMixture"/>); lags are known to within one period; the chart draws the periods. There are no
/// per-request records and no fault log (per-URL figures come from Artillery's metrics-by-endpoint plugin when it ran), so actions are detected by departure only.
/// </summary>
public static class ArtilleryReportBuilder
{
    public const string Detection = "departure from steady state per Artillery period (errors, or responses slower than 2 x steady p99, estimated); lags within one period";

    public static ExperimentReport Build(RecordedExperiment experiment, ArtilleryReport artillery, IReadOnlyList<Claim> hypotheses)
    {
        var windows = new[]
        {
            Summarise(ReportWindowNames.Steady, artillery.Start, experiment.Start, artillery),
            Summarise(ReportWindowNames.Experiment, experiment.Start, experiment.End, artillery),
            Summarise(ReportWindowNames.Recovery, experiment.End, artillery.End, artillery),
        };
        var verdicts = hypotheses.Select(h => ClaimJudge.Judge(h, windows)).ToList();
        var verdict = verdicts.Count == 0 ? Verdicts.NoneStated : verdicts.All(v => v.Held) ? Verdicts.Held : Verdicts.NotHeld;
        var seconds = (artillery.End - artillery.Start).TotalSeconds;
        return new ExperimentReport(experiment.ExperimentId, experiment.Template, experiment.Outcome, $"artillery {artillery.File}",
            seconds > 0 ? Math.Round(artillery.Periods.Sum(p => p.Requests) / seconds, 3) : 0, artillery.Start, experiment.Start, experiment.End, artillery.End,
            windows, Lags(experiment, artillery, windows[0].Overall), verdict, null, verdicts, [],
            [.. artillery.Periods.Select(p => new PeriodSummary(p.Start, p.End, (int)p.Requests, (int)p.Errors, p.ResponseTime?.P50, p.ResponseTime?.P99))]);
    }

    private static WindowSummary Summarise(string name, DateTimeOffset start, DateTimeOffset end, ArtilleryReport artillery)
    {
        var periods = artillery.Periods.Where(p => p.Middle >= start && p.Middle < end).ToList();
        var perUrl = periods.SelectMany(p => p.Endpoints).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(url => url, url => Statistics([.. periods.Select(p => p.ForEndpoint(url))]), StringComparer.Ordinal);
        return new WindowSummary(name, start, end, Statistics(periods), perUrl);
    }

    private static LoadStatistics Statistics(IReadOnlyList<ArtilleryPeriod> periods)
    {
        var requests = periods.Sum(p => p.Requests);
        var errors = periods.Sum(p => p.Errors);
        var outcomes = periods.SelectMany(p => p.Outcomes).GroupBy(o => o.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (int)g.Sum(o => o.Value), StringComparer.Ordinal);
        var latencies = Mixture(periods);
        return new LoadStatistics((int)requests, (int)errors, requests == 0 ? 0 : (double)errors / requests,
            latencies.Percentile(50), latencies.Percentile(95), latencies.Percentile(99), outcomes);
    }

    private static QuantileMixture Mixture(IEnumerable<ArtilleryPeriod> periods) => new([.. periods.Select(p => p.ResponseTime).OfType<ResponseTimeSummary>()]);

    /// <summary>The departure rule of <see cref="ActionLagDetector"/> applied per period: a period departs when it has
    /// errors or responses estimated slower than twice the steady p99; only periods from the action's start until the
    /// next action starts after it ends count.</summary>
    private static List<ActionLag> Lags(RecordedExperiment experiment, ArtilleryReport artillery, LoadStatistics steady)
    {
        var threshold = 2 * (steady.P99 ?? double.PositiveInfinity);
        return [.. experiment.Actions.Select(action =>
        {
            var until = experiment.Actions.Where(a => a.Start >= action.End).Select(a => a.Start).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var departing = artillery.Periods.Where(p => p.End > action.Start && p.Start < until)
                .Select(p => (Period: p, Affected: p.Errors + (long)Math.Round(Mixture([p]).CountAbove(threshold))))
                .Where(p => p.Affected > 0).ToList();
            return new ActionLag(action.Action, action.Start, action.End, Detection, (int)departing.Sum(p => p.Affected),
                departing.Count == 0 ? null : (departing[0].Period.Start - action.Start).TotalMilliseconds,
                departing.Count == 0 ? null : (departing[^1].Period.End - action.End).TotalMilliseconds);
        })];
    }
}
