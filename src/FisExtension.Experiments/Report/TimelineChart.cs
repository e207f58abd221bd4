using FisExtension.Experiments.Load;
using ScottPlot;

namespace FisExtension.Experiments.Report;

/// <summary>The timeline PNG: latency p50 and p99 and the error rate per 1 s bucket (by send time, drawn at its middle), or per
/// period of an imported load, the three windows shaded, each action's start and end marked.</summary>
public static class TimelineChart
{
    public const int Width = 1000;
    public const int Height = 450;

    private static readonly TimeSpan Bucket = TimeSpan.FromSeconds(1);

    public static byte[] RenderPng(ExperimentReport report)
    {
        var plot = new Plot();
        plot.Title($"Experiment {report.ExperimentId}");
        plot.XLabel("seconds since the load started");
        plot.YLabel("latency (ms)");
        plot.Axes.Right.Label.Text = "error rate (%)";

        Shade(plot, report, report.LoadStart, report.ExperimentStart, Colors.Green, ReportWindowNames.Steady);
        Shade(plot, report, report.ExperimentStart, report.ExperimentEnd, Colors.Red, ReportWindowNames.Experiment);
        Shade(plot, report, report.ExperimentEnd, report.LoadEnd, Colors.Blue, ReportWindowNames.Recovery);

        var points = report.Periods is { } periods ? FromPeriods(report, periods) : FromRequests(report);
        if (points.Count > 0)
        {
            var times = points.Select(p => p.Time).ToArray();
            var p50 = plot.Add.Scatter(times, points.Select(p => p.P50 ?? double.NaN).ToArray());
            p50.LegendText = "p50 latency";
            var p99 = plot.Add.Scatter(times, points.Select(p => p.P99 ?? double.NaN).ToArray());
            p99.LegendText = "p99 latency";
            var errors = plot.Add.Scatter(times, points.Select(p => p.ErrorRate).ToArray());
            errors.LegendText = "error rate";
            errors.Axes.YAxis = plot.Axes.Right;
            errors.LinePattern = LinePattern.Dashed;
        }

        foreach (var action in report.Actions)
        {
            var start = plot.Add.VerticalLine(Seconds(report, action.Start));
            start.Text = $"{action.Action} start";
            var end = plot.Add.VerticalLine(Seconds(report, action.End));
            end.Text = $"{action.Action} end";
            end.LinePattern = LinePattern.Dotted;
        }

        plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        plot.ShowLegend();
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void Shade(Plot plot, ExperimentReport report, DateTimeOffset from, DateTimeOffset to, Color color, string name)
    {
        var span = plot.Add.HorizontalSpan(Seconds(report, from), Seconds(report, to), color.WithAlpha(0.12));
        span.LegendText = name;
    }

    private static List<(double Time, double? P50, double? P99, double ErrorRate)> FromRequests(ExperimentReport report) =>
        [.. report.Requests.Where(r => r.Failure != LoadGenerator.Skipped)
            .GroupBy(r => Math.Floor(Seconds(report, r.SentAt) / Bucket.TotalSeconds))
            .OrderBy(g => g.Key)
            .Select(g => (Latencies: g.Select(r => r.LatencyMilliseconds).Order().ToList(), Group: g))
            .Select(b => ((b.Group.Key + 0.5) * Bucket.TotalSeconds, LoadStatistics.Percentile(b.Latencies, 50), LoadStatistics.Percentile(b.Latencies, 99),
                100.0 * b.Group.Count(r => r.IsError) / b.Group.Count()))];

    /// <summary>An imported load's periods, each drawn at its middle.</summary>
    private static List<(double Time, double? P50, double? P99, double ErrorRate)> FromPeriods(ExperimentReport report, IReadOnlyList<PeriodSummary> periods) =>
        [.. periods.Where(p => p.Requests > 0).Select(p => (Seconds(report, p.Start + ((p.End - p.Start) / 2)), p.P50, p.P99, 100.0 * p.Errors / p.Requests))];

    private static double Seconds(ExperimentReport report, DateTimeOffset time) => (time - report.LoadStart).TotalSeconds;
}
