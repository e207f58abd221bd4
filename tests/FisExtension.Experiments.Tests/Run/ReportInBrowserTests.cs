using FisExtension.Experiments.Tests.Harness;
using SkiaSharp;

namespace FisExtension.Experiments.Tests.Run;

/// <summary>The HTML report as a browser shows it and prints it: a real run's page in headless chromium.</summary>
[Trait("Category", "Browser")]
public sealed class ReportInBrowserTests : IDisposable
{
    private readonly ConfigurationFolders _folders = new();
    private readonly TemplateFiles _files = new();
    private readonly string _reportFolder = Directory.CreateTempSubdirectory("fisctl-report-").FullName;

    public void Dispose()
    {
        _folders.Dispose();
        _files.Dispose();
        Directory.Delete(_reportFolder, recursive: true);
    }

    [Fact(Timeout = 120_000)]
    public async Task HtmlReport_ShowsTheVerdictAndTheChart_AndPrintsToPdf()
    {
        var function = new FaultedFunction(_folders.Root, "orders-get");
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = _folders.Root }));
        await using var endpoint = await FakeHttpEndpoint.StartAsync(function.AnswerHttpAsync);
        // Two 2 s actions, one after the other: at least half of the window fails even if each of the runner's puts
        // comes a second late on a loaded test host, so the hypothesis (error rate under 50%) is not held.
        var template = _files.Write(TemplateJson.Valid.Replace("\"PT2M\"", "\"PT2S\"", StringComparison.Ordinal).Replace("\"PT1M\"", "\"PT2S\"", StringComparison.Ordinal));
        var run = await FisctlRun.RunAsync(["run", template, "--endpoint", api.Endpoint.ToString(), "--url", endpoint.Url.ToString(), "--rate", "20",
            "--pre", "PT1S", "--post", "PT1S", "--report", _reportFolder, "--hypothesis", "experiment.errorRate < 50%"], time: TimeProvider.System);
        Assert.Equal((3, ""), (run.ExitCode, run.Error));
        var page = Path.Combine(_reportFolder, "report.html");
        var screenshot = Path.Combine(_reportFolder, "screenshot.png");
        var pdf = Path.Combine(_reportFolder, "report.pdf");

        var dom = await HeadlessChromium.RunAsync(page, "--dump-dom");
        await HeadlessChromium.RunAsync(page, $"--screenshot={screenshot}");
        await HeadlessChromium.RunAsync(page, $"--print-to-pdf={pdf}", "--no-pdf-header-footer");

        Assert.Contains("<strong id=\"verdict\">not held</strong>", dom, StringComparison.Ordinal);
        using var image = SKBitmap.Decode(screenshot);
        var pixels = image.Pixels;
        Assert.True(pixels.Distinct().Count() > 50, "the screenshot is (nearly) blank");
        // The experiment window's shading: ScottPlot's red at 12% over white, as drawn only by the chart.
        var shaded = pixels.Count(p => p.Red > 245 && p.Green is > 215 and < 235 && p.Blue is > 215 and < 235);
        Assert.True(shaded > 10_000, $"{shaded} pixels of the experiment window's shading");
        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        // The chart went to paper too: the printed page holds one image, and only the chart is an image.
        Assert.Contains("/Subtype /Image", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }
}
