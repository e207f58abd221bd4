using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Tests.Templates;

public sealed class SampleTemplateTests
{
    private static TemplateReadResult ReadSample(string name) =>
        TemplateReader.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Templates", "Samples", name)));

    [Fact]
    public void StartDelaySample_IsValidAsWritten()
    {
        var result = ReadSample("lambda-start-delay.json");

        Assert.Empty(result.Problems);
        var template = result.Template!;
        var action = Assert.Single(template.Actions.Values);
        Assert.Equal(("inject-delay", FaultActionIds.AddDelay, TimeSpan.FromMinutes(5), "Functions"), (action.Name, action.ActionId, action.Duration, action.TargetName));
        Assert.Equal("2000", action.Parameters[FaultObjectSchema.StartupDelayMilliseconds]);
        Assert.Equal(2, template.Targets["Functions"].ResourceArns.Count);
        Assert.Equal(new ReportWindows(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2)), template.ReportWindows);
        Assert.Equal("lambda-start-delay", template.Tags["Name"]);
        Assert.Equal("arn:aws:iam::123456789012:role/fis-experiment-role", template.RoleArn);
    }

    [Fact]
    public void DelayThenErrorsSample_IsValidAsWritten()
    {
        var result = ReadSample("lambda-delay-then-errors.json");

        Assert.Empty(result.Problems);
        var template = result.Template!;
        Assert.Equal(["fail", "slow", "unavailable"], template.Actions.Keys);
        Assert.Equal(["slow"], template.Actions["fail"].StartAfter);
        Assert.Equal(TimeSpan.FromMinutes(4), template.Actions["unavailable"].Duration);
        Assert.Equal(new SelectionMode(SelectionKind.Count, 1), template.Targets["OneOrder"].SelectionMode);
        Assert.Equal("Yes", template.Targets["AllOrders"].ResourceTags["FISExperimentReady"]);
        Assert.Equal([new StopCondition("none", null)], template.StopConditions);
        Assert.Null(template.ReportWindows);
    }
}
