using System.Text.Json.Nodes;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Preview;

public sealed class FaultOverlapsTests
{
    /// <summary>The harness template (slow: delay 0–2 min; fail: error 2–3 min) on one function, changed by <paramref name="change"/>.</summary>
    private static IReadOnlyList<ShadowedAction> Find(Action<JsonObject> change) => FaultOverlaps.Find(Plans.Of(change, null, "orders-get"));

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
