using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Run;

/// <summary>The windows a report sorts requests into, around the template's 3-minute experiment with a minute either side.</summary>
public sealed class ReportBuilderTests
{
    private static readonly ExperimentSchedule Schedule = ScheduleBuilder.Build(TemplateJson.Read(TemplateJson.Valid).Template!, FisctlRun.Now);
    private static readonly DateTimeOffset LoadStart = Schedule.StartTime.AddMinutes(-1);
    private static readonly DateTimeOffset LoadEnd = Schedule.EndTime.AddMinutes(1);

    private static ExperimentReport Build(IReadOnlyList<RequestRecord> requests) =>
        ReportBuilder.Build("EXP1", "template.json", "Completed", "GET http://orders/", 0.1, Schedule, LoadStart, LoadEnd, requests, [], null);

    [Fact]
    public void RequestSentLate_AfterTheLoadEnded_CountsInTheRecoveryWindow()
    {
        // One request every 10 s; the last one, due 10 s before the load ends, was sent 500 ms after it (a paused process).
        var requests = Enumerable.Range(0, 30).Select(n =>
        {
            var due = LoadStart.AddSeconds(10 * n);
            var sent = n == 29 ? LoadEnd.AddMilliseconds(500) : due;
            return new RequestRecord(n, due, sent, 5, n % 2 == 0 ? "http://a/" : "http://b/", 200, null, null, []);
        }).ToList();

        var windows = Build(requests).Windows;

        Assert.Equal([6, 18, 6], windows.Select(w => w.Overall.Requests));
        Assert.Equal(15, windows.Sum(w => w.PerTarget.TryGetValue("http://b/", out var b) ? b.Requests : 0));
        Assert.Equal(LoadEnd, windows[2].End);
    }
}
