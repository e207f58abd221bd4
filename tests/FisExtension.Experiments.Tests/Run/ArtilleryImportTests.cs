using System.Text.Json;
using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Run;

/// <summary><c>fisctl report --artillery</c> on the report of a real Artillery run (Fixtures/artillery: 10 requests/s for
/// 70 s at a target that answered 503 for 20 s), played with an experiment whose one action spans those 20 s.</summary>
public sealed class ArtilleryImportTests : IDisposable
{
    private static readonly string ArtilleryFile = Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery", "artillery-run.json");

    private readonly string _folder = Directory.CreateTempSubdirectory("fisctl-artillery-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact(Timeout = 30_000)]
    public async Task RealArtilleryReport_PutsEachPeriodInItsWindow_CountsAddUp_AndTheActionIsDetectedByItsErrors()
    {
        var (faultStart, faultEnd) = FaultWindow();
        var experiment = await WriteExperimentReportAsync(faultStart, faultEnd);
        var folder = Path.Combine(_folder, "out");

        var run = await FisctlRun.RunAsync(["report", "--artillery", ArtilleryFile, "--experiment", experiment, "--report", folder]);

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ReportFiles.Json)));
        using var artillery = JsonDocument.Parse(await File.ReadAllTextAsync(ArtilleryFile));
        var windowElements = report.RootElement.GetProperty("windows").EnumerateArray().ToList();
        var windows = windowElements.ToDictionary(w => w.GetProperty("name").GetString()!, w => w.GetProperty("overall"));
        // Artillery's metrics-by-endpoint plugin counted the one URL the scenario requested: all of each window.
        Assert.All(windowElements, w => Assert.Equal(Int(w.GetProperty("overall"), "requests"), Int(w.GetProperty("perTarget").GetProperty("/orders"), "requests")));
        var total = artillery.RootElement.GetProperty("aggregate").GetProperty("counters").GetProperty("http.requests").GetInt32();
        Assert.Equal(total, windows.Values.Sum(w => Int(w, "requests")));
        var experimentWindow = windows[ReportWindowNames.Experiment];
        Assert.Equal(Int(experimentWindow, "requests"), Int(experimentWindow, "errors")); // every answer in the fault window was a 503
        Assert.Equal(1.0, experimentWindow.GetProperty("errorRate").GetDouble());
        Assert.Equal(["503"], experimentWindow.GetProperty("outcomes").EnumerateObject().Select(o => o.Name));
        Assert.Equal(0, Int(windows[ReportWindowNames.Steady], "errors"));
        Assert.Equal(0, Int(windows[ReportWindowNames.Recovery], "errors"));
        Assert.True(Int(windows[ReportWindowNames.Steady], "requests") > 0 && Int(windows[ReportWindowNames.Recovery], "requests") > 0);
        AssertWithinPeriodQuantiles(windows[ReportWindowNames.Steady], artillery.RootElement, DateTimeOffset.MinValue, faultStart);
        // The periods themselves are kept for the chart: one per Artillery period, with its own p99.
        var periods = report.RootElement.GetProperty("periods").EnumerateArray().ToList();
        var intermediate = artillery.RootElement.GetProperty("intermediate").EnumerateArray().ToList();
        Assert.Equal(intermediate.Count, periods.Count);
        Assert.Equal(total, periods.Sum(p => Int(p, "requests")));
        Assert.Equal(intermediate.Select(p => p.GetProperty("summaries").GetProperty("http.response_time").GetProperty("p99").GetDouble()),
            periods.Select(p => p.GetProperty("p99").GetDouble()));

        var action = Assert.Single(report.RootElement.GetProperty("actions").EnumerateArray());
        Assert.Equal(ArtilleryReportBuilder.Detection, action.GetProperty("detection").GetString());
        // Every 503 is affected; so are responses slower than 2 x steady p99 after it (the first recovery period had a
        // 53 ms p99 against about 20 ms steady), which the departure rule cannot tell from the fault's tail.
        Assert.InRange(action.GetProperty("affectedRequests").GetInt32(), Int(experimentWindow, "errors"), total);
        // The 503s began on a period boundary, so the pickup lag is exact; lags move in whole periods.
        Assert.Equal(0, action.GetProperty("pickupLagMilliseconds").GetDouble());
        var release = action.GetProperty("releaseLagMilliseconds").GetDouble();
        Assert.True(release >= 0 && release % 10_000 == 0, $"release lag {release} ms is not a whole number of 10 s periods");
        Assert.Contains(Path.GetFullPath(folder), run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, ReportFiles.Html)));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("experiment.errorRate < 50%", 3)]
    [InlineData("recovery.errorRate < 1%", 0)]
    public async Task Hypothesis_IsJudgedOnArtillerysWindows(string hypothesis, int exitCode)
    {
        var (faultStart, faultEnd) = FaultWindow();
        var experiment = await WriteExperimentReportAsync(faultStart, faultEnd);

        var run = await FisctlRun.RunAsync(["report", "--artillery", ArtilleryFile, "--experiment", experiment, "--report", Path.Combine(_folder, "out"), "--hypothesis", hypothesis]);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains($"Hypothesis \"{hypothesis}\"", run.Out, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("not JSON", "$")]
    [InlineData("""{"aggregate":{}}""", "$.intermediate")]
    [InlineData("""{"intermediate":[{"period":"1796181020000","counters":{"http.requests":"many"}}]}""", """$.intermediate[0].counters["http.requests"]""")]
    [InlineData("""{"intermediate":[{"counters":{}}]}""", "$.intermediate[0].period")]
    [InlineData("""{"intermediate":[{"period":1796181020000,"summaries":{"http.response_time":{"min":1,"max":9,"count":3,"p50":2,"p75":3,"p90":4,"p95":5,"p99":"six","p999":7}}}]}""",
        """$.intermediate[0].summaries["http.response_time"].p99""")]
    public async Task BadArtilleryFile_Exits2_NamingTheFileAndTheJsonPath_AndWritesNothing(string content, string jsonPath)
    {
        var (faultStart, faultEnd) = FaultWindow();
        var experiment = await WriteExperimentReportAsync(faultStart, faultEnd);
        var bad = Path.Combine(_folder, "bad-artillery.json");
        await File.WriteAllTextAsync(bad, content);
        var folder = Path.Combine(_folder, "out");

        var run = await FisctlRun.RunAsync(["report", "--artillery", bad, "--experiment", experiment, "--report", folder]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"fisctl: {bad}: {jsonPath}: ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact(Timeout = 30_000)]
    public async Task ExperimentFileThatIsNotAFisctlReport_Exits2_NamingTheJsonPath()
    {
        var notAReport = Path.Combine(_folder, "report.json");
        await File.WriteAllTextAsync(notAReport, """{"experimentId":"EXP1","template":"t.json","outcome":"Completed","experimentStart":"yesterday"}""");

        var run = await FisctlRun.RunAsync(["report", "--artillery", ArtilleryFile, "--experiment", notAReport]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"fisctl: {notAReport}: $.actions: ", run.Error, StringComparison.Ordinal);
    }

    private static int Int(JsonElement statistics, string name) => statistics.GetProperty(name).GetInt32();

    /// <summary>A window's estimated percentile lies between the smallest and the largest of its periods' own.</summary>
    private static void AssertWithinPeriodQuantiles(JsonElement window, JsonElement artillery, DateTimeOffset from, DateTimeOffset to)
    {
        var periods = artillery.GetProperty("intermediate").EnumerateArray()
            .Where(p => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(p.GetProperty("period").GetString()!, System.Globalization.CultureInfo.InvariantCulture)) is var start && start >= from && start.AddSeconds(5) < to)
            .Select(p => p.GetProperty("summaries").GetProperty("http.response_time")).ToList();
        Assert.NotEmpty(periods);
        foreach (var (field, quantile) in new[] { ("p50", "p50"), ("p95", "p95"), ("p99", "p99") })
        {
            var value = window.GetProperty(field).GetDouble();
            Assert.InRange(value, periods.Min(p => p.GetProperty(quantile).GetDouble()), periods.Max(p => p.GetProperty(quantile).GetDouble()));
        }
    }

    private static (DateTimeOffset Start, DateTimeOffset End) FaultWindow()
    {
        using var window = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "artillery", "fault-window.json")));
        return (window.RootElement.GetProperty("faultStart").GetDateTimeOffset(), window.RootElement.GetProperty("faultEnd").GetDateTimeOffset());
    }

    /// <summary>The report.json a fisctl run of a one-action experiment over the fault window writes, by fisctl's own writer.</summary>
    private async Task<string> WriteExperimentReportAsync(DateTimeOffset start, DateTimeOffset end)
    {
        var steady = LoadStatistics.Of([]);
        var windows = new[] { ReportWindowNames.Steady, ReportWindowNames.Experiment, ReportWindowNames.Recovery }
            .Select(name => new WindowSummary(name, start, end, steady, new Dictionary<string, LoadStatistics>())).ToList();
        var recorded = new ExperimentReport("EXPartillery", "template.json", "Completed", "GET http://127.0.0.1:18089/health", 1, start.AddMinutes(-1), start, end, end.AddMinutes(1),
            windows, [new ActionLag("inject-http", start, end, ActionLagDetector.Departure, 0, null, null)], Verdicts.NoneStated, null, [], Array.Empty<RequestRecord>());
        var folder = Path.Combine(_folder, "run");
        await ReportFiles.WriteAsync(recorded, folder, CancellationToken.None);
        return Path.Combine(folder, ReportFiles.Json);
    }
}
