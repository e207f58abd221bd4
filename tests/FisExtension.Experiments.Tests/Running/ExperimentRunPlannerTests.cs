using System.Text.Json.Nodes;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Running;

public sealed class ExperimentRunPlannerTests
{
    private static ExperimentPreview Plan(Action<JsonObject> change, string? location) => Plans.Of(change, location, "orders-get", "orders-list");

    [Fact]
    public void EachActionPutsOneObjectPerFunction_AndAWaitPutsNone()
    {
        var plan = Plan(t =>
        {
            t["actions"]!["pause"] = new JsonObject { ["actionId"] = "aws:fis:wait", ["parameters"] = new JsonObject { ["duration"] = "PT10S" } };
        }, "/tmp/fis/");

        var run = ExperimentRunPlanner.Plan(plan, "EXP1", out var problems);

        Assert.Empty(problems);
        Assert.Empty(run!.ObjectsByAction["pause"]);
        Assert.Equal(["/tmp/fis/orders-get/EXP1-slow.json", "/tmp/fis/orders-list/EXP1-slow.json"], run.ObjectsByAction["slow"].Select(a => a.Shown));
        Assert.Equal(["/tmp/fis/orders-get/EXP1-fail.json", "/tmp/fis/orders-list/EXP1-fail.json"], run.ObjectsByAction["fail"].Select(a => a.Shown));
    }

    [Fact]
    public void FunctionsWithoutALocation_AreEachNamed()
    {
        Assert.Null(ExperimentRunPlanner.Plan(Plan(_ => { }, null), "EXP1", out var problems));

        Assert.Equal(
            [
                "function orders-get has no AWS_FIS_CONFIGURATION_LOCATION, so its extension would read no fault. Set it on the function, or pass --location.",
                "function orders-list has no AWS_FIS_CONFIGURATION_LOCATION, so its extension would read no fault. Set it on the function, or pass --location.",
            ],
            problems);
    }
}
