using System.Text.Json;

namespace FisExtension.Experiments.Report;

/// <summary>Writes the report folder: <c>report.json</c> (every request and the summary), <c>report.md</c>,
/// <c>report.html</c> (self-contained) and the chart alone as <c>timeline.png</c>.</summary>
public static class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string Html = "report.html";
    public const string Chart = "timeline.png";

    /// <summary>The default folder, relative to the working directory.</summary>
    public static string DefaultFolder(string experimentId) => Path.Combine("artifacts", "experiments", experimentId);

    public static async Task WriteAsync(ExperimentReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using (var json = File.Create(Path.Combine(folder, Json)))
        {
            await JsonSerializer.SerializeAsync(json, report, ReportJsonContext.Default.ExperimentReport, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, Markdown), MarkdownReport.Render(report), cancellationToken).ConfigureAwait(false);
        var chart = TimelineChart.RenderPng(report);
        await File.WriteAllBytesAsync(Path.Combine(folder, Chart), chart, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, Html), HtmlReport.Render(report, chart), cancellationToken).ConfigureAwait(false);
    }
}
