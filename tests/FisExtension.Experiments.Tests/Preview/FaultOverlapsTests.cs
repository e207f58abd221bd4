using System.Text.Json.Nodes;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Preview;

public sealed class FaultOverlapsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The harness template (slow: delay 0–2 min; fail: error 2–3 min) on one function, changed by <paramref name="change"/>.</summary>
    private static IReadOnlyList<ShadowedAction> Find(Action<JsonObject> change)
    {
        var template = TemplateJson.ReadChanged(change).Template!;
        var targets = template.Targets.Values.Select(t => new ResolvedTarget(t, 1, [Functions.Named("orders-get")])).ToList();
        return FaultOverlaps.Find(new ExperimentPreview("t.json", template, 1, new Uri("http://127.0.0.1:1/"), targets, ScheduleBuilder.Build(template, Start), null));
    }

    [Fact]
    public void DelayAndError_Combine_SoNothingIsShadowed()
    {
        Assert.Empty(Find(t => t.Action("fail").Remove("startAfter")));
    }

    [Fact]
    public void ErrorAndHttpResponse_Conflict_TheLaterOneIsShadowedWhileBothRun()
    {
        var shadowed = Find(t =>
        {
            t["actions"]!["unavailable"] = new JsonObject
            {
                ["actionId"] = "aws:lambda:invocation-http-integration-response",
                ["parameters"] = new JsonObject { ["duration"] = "PT150S", ["statusCode"] = "503" },
                ["targets"] = new JsonObject { ["Functions"] = "Functions" },
            };
        });

        Assert.Equal([new ShadowedAction("orders-get", "fail", "unavailable", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(150))], shadowed);
    }

    [Fact]
    public void TwoDelaysStartingTogether_TheFirstByNameApplies()
    {
        var shadowed = Find(t =>
        {
            t["actions"]!["another"] = t.Action("slow").DeepClone();
            t.Parameters("another")["duration"] = "PT1M";
        });

        Assert.Equal([new ShadowedAction("orders-get", "slow", "another", TimeSpan.Zero, TimeSpan.FromMinutes(1))], shadowed);
    }
}
