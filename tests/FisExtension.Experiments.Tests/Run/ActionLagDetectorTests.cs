using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Run;

/// <summary>Pickup and release lags of the template's two chained actions (slow 2 min, then fail 1 min) from request records.</summary>
public sealed class ActionLagDetectorTests
{
    private static readonly DateTimeOffset Start = FisctlRun.Now;
    private static readonly ExperimentSchedule Schedule = ScheduleBuilder.Build(TemplateJson.Read(TemplateJson.Valid).Template!, Start);

    /// <summary>One request per second from 60 s before the experiment to 60 s after it (180 s), failing or slow where told.</summary>
    private static List<RequestRecord> Requests(Func<int, (double Latency, int Status, string[] Faults)> at) =>
        [.. Enumerable.Range(-60, 300).Select(second =>
        {
            var (latency, status, faults) = at(second);
            var sent = Start.AddSeconds(second);
            return new RequestRecord(second + 60, sent, sent, latency, "orders-get", status, null, null, faults);
        })];

    [Fact]
    public void Departures_AreCountedPerAction_UntilTheNextActionStarts()
    {
        // slow: 100 ms -> 900 ms from 3 s after its start to 1 s after its end (120 s); fail: 503 from 125 s to 170 s.
        // fail starts as slow ends, so slow's window is cut there (its release shows as -1 s) and slow's last two
        // slow requests count for fail: the documented limit of detecting by departure; --invoke is exact.
        var requests = Requests(s => s is >= 3 and <= 121 ? (900, 200, []) : s is >= 125 and <= 170 ? (100, 503, []) : (100, 200, []));

        var lags = ActionLagDetector.Detect(Schedule, requests, LoadStatistics.Of([.. requests.Where(r => r.SentAt < Start)]));

        Assert.Equal(["slow", "fail"], lags.Select(l => l.Action));
        Assert.All(lags, l => Assert.Equal(ActionLagDetector.Departure, l.Detection));
        Assert.Equal((117, 3_000.0, -1_000.0), (lags[0].AffectedRequests, lags[0].PickupLagMilliseconds, lags[0].ReleaseLagMilliseconds));
        Assert.Equal((48, 0.0, -10_000.0), (lags[1].AffectedRequests, lags[1].PickupLagMilliseconds, lags[1].ReleaseLagMilliseconds));
    }

    [Fact]
    public void FaultLog_NamesTheAffectedRequestsExactly()
    {
        var requests = Requests(s => s is >= 10 and <= 140 ? (100, 200, ["slow"]) : (100, 200, []));

        var lags = ActionLagDetector.Detect(Schedule, requests, LoadStatistics.Of(requests));

        Assert.Equal((ActionLagDetector.FaultLog, 131, 10_000.0, 20_000.0), (lags[0].Detection, lags[0].AffectedRequests, lags[0].PickupLagMilliseconds, lags[0].ReleaseLagMilliseconds));
        Assert.Equal((0, (double?)null), (lags[1].AffectedRequests, lags[1].PickupLagMilliseconds));
    }
}
