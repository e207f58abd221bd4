using System.Globalization;
using System.Net;
using System.Text;
using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.Report;

/// <summary>The report as one self-contained HTML page: inline style, the chart as a data: URI, no external asset,
/// so it can be mailed or opened offline.</summary>
public static class HtmlReport
{
    public static string Render(ExperimentReport report, byte[] chartPng)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>Experiment {E(report.ExperimentId)}</title>");
        html.Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #999;padding:.25em .5em;text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Experiment {E(report.ExperimentId)}</h1>\n<p>Template <code>{E(report.Template)}</code>, outcome <strong id=\"outcome\">{E(report.Outcome)}</strong>, load {E(report.Load)} at {report.RatePerSecond} requests/s.</p>\n");
        if (report.StoppedBy is { } breach)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"stopped-by\"><strong>Stopped by stop condition</strong> <code>{E(breach.StopCondition)}</code> at {Rfc3339.Format(breach.At)} ({MarkdownReport.Number(breach.Value)} over {breach.Requests} requests): every object was deleted at once.</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Hypothesis: <strong id=\"verdict\">{E(report.Verdict)}</strong></p>\n<ul>");
        foreach (var hypothesis in report.Hypotheses)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(hypothesis.Hypothesis)}</code>: {E(hypothesis.Explanation)}</li>");
        }

        html.Append("</ul>\n");
        html.Append(CultureInfo.InvariantCulture, $"<img id=\"timeline\" alt=\"latency and error rate over time\" width=\"{TimelineChart.Width}\" height=\"{TimelineChart.Height}\" src=\"data:image/png;base64,{Convert.ToBase64String(chartPng)}\">\n");
        html.Append("<h2>Windows</h2>\n<table><tr><th>window</th><th>target</th><th>requests</th><th>errors</th><th>error rate</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>outcomes</th></tr>\n");
        foreach (var window in report.Windows)
        {
            Row(html, window.Name, "all", window.Overall);
            foreach (var (target, statistics) in window.PerTarget)
            {
                Row(html, window.Name, target, statistics);
            }
        }

        html.Append("</table>\n<h2>Actions</h2>\n<table><tr><th>action</th><th>start</th><th>end</th><th>detection</th><th>affected</th><th>pickup lag ms</th><th>release lag ms</th></tr>\n");
        foreach (var action in report.Actions)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(action.Action)}</td><td>{Rfc3339.Format(action.Start)}</td><td>{Rfc3339.Format(action.End)}</td><td>{E(action.Detection)}</td><td>{action.AffectedRequests}</td><td>{MarkdownReport.Number(action.PickupLagMilliseconds)}</td><td>{MarkdownReport.Number(action.ReleaseLagMilliseconds)}</td></tr>\n");
        }

        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string window, string target, LoadStatistics statistics) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<tr><td>{window}</td><td>{E(target)}</td><td>{statistics.Requests}</td><td>{statistics.Errors}</td><td>{statistics.ErrorRate:P1}</td><td>{MarkdownReport.Number(statistics.P50)}</td><td>{MarkdownReport.Number(statistics.P95)}</td><td>{MarkdownReport.Number(statistics.P99)}</td><td>{E(string.Join(", ", statistics.Outcomes.Select(o => $"{o.Key}: {o.Value}")))}</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
