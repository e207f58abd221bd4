using System.Globalization;
using System.Text;
using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.Report;

/// <summary>The report for people: one table per window (overall and per function or URL), then each action's lags.</summary>
public static class MarkdownReport
{
    public static string Render(ExperimentReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Experiment {report.ExperimentId}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Template `{report.Template}`, outcome **{report.Outcome}**, load {report.Load} at {report.RatePerSecond} requests/s.\n\n");
        if (report.StoppedBy is { } breach)
        {
            text.Append(CultureInfo.InvariantCulture, $"**Stopped by stop condition** `{breach.StopCondition}` at {Rfc3339.Format(breach.At)} ({Number(breach.Value)} over {breach.Requests} requests): every object was deleted at once.\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Hypothesis: **{report.Verdict}**\n\n");
        foreach (var hypothesis in report.Hypotheses)
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{hypothesis.Hypothesis}`: {hypothesis.Explanation}\n");
        }

        text.Append('\n');
        text.Append("| window | from | to | target | requests | errors | error rate | p50 ms | p95 ms | p99 ms | outcomes |\n");
        text.Append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var window in report.Windows)
        {
            Row(text, window, "all", window.Overall);
            foreach (var (target, statistics) in window.PerTarget)
            {
                Row(text, window, target, statistics);
            }
        }

        text.Append("\n| action | start | end | detection | affected requests | pickup lag ms | release lag ms |\n");
        text.Append("|---|---|---|---|---:|---:|---:|\n");
        foreach (var action in report.Actions)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {action.Action} | {Rfc3339.Format(action.Start)} | {Rfc3339.Format(action.End)} | {action.Detection} | {action.AffectedRequests} | {Number(action.PickupLagMilliseconds)} | {Number(action.ReleaseLagMilliseconds)} |\n");
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, WindowSummary window, string target, LoadStatistics statistics) =>
        text.Append(CultureInfo.InvariantCulture,
            $"| {window.Name} | {Rfc3339.Format(window.Start)} | {Rfc3339.Format(window.End)} | {target} | {statistics.Requests} | {statistics.Errors} | {statistics.ErrorRate:P1} | {Number(statistics.P50)} | {Number(statistics.P95)} | {Number(statistics.P99)} | {string.Join(", ", statistics.Outcomes.Select(o => $"{o.Key}: {o.Value}"))} |\n");

    public static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";
}
