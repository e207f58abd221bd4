using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Tests.Harness;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Experiments.Tests.Scheduling;

public sealed class ScheduleBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<(string, TimeSpan, TimeSpan)> Offsets(ExperimentSchedule schedule) =>
        schedule.Actions.Select(a => (a.Action.Name, a.StartOffset, a.EndOffset)).ToList();

    [Fact]
    public void DelayThenErrorsSample_RunsFailAfterSlow_AndUnavailableThroughout()
    {
        var template = TemplateReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Templates", "Samples", "lambda-delay-then-errors.json"))).Template!;

        var schedule = ScheduleBuilder.Build(template, new FakeTimeProvider(Start));

        Assert.Equal(
            [
                ("slow", TimeSpan.Zero, TimeSpan.FromMinutes(2)),
                ("unavailable", TimeSpan.Zero, TimeSpan.FromMinutes(4)),
                ("fail", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)),
            ],
            Offsets(schedule));
        Assert.Equal(Start.AddMinutes(2), schedule.Actions[2].StartTime);
        Assert.Equal(Start.AddMinutes(4), schedule.EndTime);
    }

    [Fact]
    public void ActionAfterSeveral_StartsWhenTheLastOfThemEnds()
    {
        var template = TemplateJson.ReadChanged(t =>
        {
            t.Parameters("fail")["duration"] = "PT0.5S";
            t["actions"]!["short"] = t.Action("slow").DeepClone();
            t.Parameters("short")["duration"] = "PT30S";
            t.Action("fail")["startAfter"] = new System.Text.Json.Nodes.JsonArray("short", "slow");
        }).Template!;

        var schedule = ScheduleBuilder.Build(template, Start);

        Assert.Equal(
            [
                ("short", TimeSpan.Zero, TimeSpan.FromSeconds(30)),
                ("slow", TimeSpan.Zero, TimeSpan.FromMinutes(2)),
                ("fail", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(120_500)),
            ],
            Offsets(schedule));
        Assert.Equal(TimeSpan.FromMilliseconds(120_500), schedule.Duration);
    }

    [Fact]
    public void WaitBetweenActions_PushesTheNextOneBack()
    {
        var template = TemplateJson.ReadChanged(t =>
        {
            t["actions"]!["pause"] = new System.Text.Json.Nodes.JsonObject
            {
                ["actionId"] = "aws:fis:wait",
                ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["duration"] = "PT30S" },
                ["startAfter"] = new System.Text.Json.Nodes.JsonArray("slow"),
            };
            t.Action("fail")["startAfter"] = new System.Text.Json.Nodes.JsonArray("pause");
        }).Template!;

        var schedule = ScheduleBuilder.Build(template, Start);

        Assert.Equal(
            [
                ("slow", TimeSpan.Zero, TimeSpan.FromMinutes(2)),
                ("pause", TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(150)),
                ("fail", TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(210)),
            ],
            Offsets(schedule));
        Assert.Null(schedule.Actions[1].Action.TargetName);
    }

    [Fact]
    public void Chain_AddsUpTheDurations()
    {
        var template = TemplateJson.ReadChanged(t =>
        {
            t["actions"]!["third"] = t.Action("fail").DeepClone();
            t.Action("third")["startAfter"] = new System.Text.Json.Nodes.JsonArray("fail");
            t.Parameters("third")["duration"] = "PT1H";
        }).Template!;

        var schedule = ScheduleBuilder.Build(template, Start);

        Assert.Equal(("third", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(63)), Offsets(schedule)[2]);
        Assert.Equal(Start.AddMinutes(63), schedule.Actions[2].EndTime);
    }
}
