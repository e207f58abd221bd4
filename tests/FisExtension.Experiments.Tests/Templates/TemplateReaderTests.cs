using System.Text.Json.Nodes;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Templates;

public sealed class TemplateReaderTests
{
    [Fact]
    public void ValidTemplate_IsReadWithItsTimings()
    {
        var result = TemplateJson.Read(TemplateJson.Valid);

        Assert.Empty(result.Problems);
        Assert.Equal(TimeSpan.FromMinutes(2), result.Template!.Actions["slow"].Duration);
        Assert.Equal(["slow"], result.Template.Actions["fail"].StartAfter);
    }

    [Fact]
    public void PercentageAbove100_IsNamedByItsJsonPath()
    {
        var result = TemplateJson.ReadChanged(t => t.Parameters("fail")["invocationPercentage"] = "150");

        Assert.Null(result.Template);
        Assert.Equal(["$.actions.fail.parameters.invocationPercentage: 150 is above 100. Use at most 100."], result.Lines());
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var result = TemplateJson.ReadChanged(t =>
        {
            t.Remove("description");
            t.Parameters("slow")["startupDelayMilliseconds"] = "1200000";
            t.Parameters("slow")["duration"] = "2 minutes";
            t.Target("Functions")["selectionMode"] = "SOME";
            t["stopConditions"] = new JsonArray();
        });

        Assert.Null(result.Template);
        Assert.Equal(
            [
                "$.description: is missing. Add it, e.g. \"description\": \"Slow down the orders functions\".",
                "$.targets.Functions.selectionMode: \"SOME\" is not a selection mode. Use ALL, COUNT(n) or PERCENT(n), e.g. \"COUNT(1)\".",
                "$.actions.slow.parameters.duration: \"2 minutes\" is not an ISO 8601 duration. Write it like \"PT5M\", \"PT1H30M\" or \"PT0.5S\".",
                "$.actions.slow.parameters.startupDelayMilliseconds: 1200000 is above 900000. Use at most 900000 (15 minutes).",
                "$.stopConditions: must be a non-empty array, not an array. With no alarm write [{\"source\": \"none\"}].",
            ],
            result.Lines());
    }

    [Theory]
    [InlineData("paramters", "$.actions.slow.paramters: is not a known field. Did you mean \"parameters\"?")]
    [InlineData("StartAfter", "$.actions.slow.StartAfter: is not a known field. Did you mean \"startAfter\"?")]
    public void UnknownActionField_SuggestsTheClosestKnownOne(string field, string expected)
    {
        var result = TemplateJson.ReadChanged(t => t.Action("slow")[field] = "x");

        Assert.Contains(expected, result.Lines());
    }

    [Fact]
    public void UnknownField_FarFromAnyKnownOne_ListsTheKnownFields()
    {
        var result = TemplateJson.ReadChanged(t => t["owner"] = "me");

        Assert.Equal(["$.owner: is not a known field. Known fields here: clientToken, description, targets, actions, stopConditions, roleArn, tags, logConfiguration, experimentOptions, experimentReportConfiguration."], result.Lines());
    }

    [Fact]
    public void UnknownParameter_SuggestsTheActionsOwn()
    {
        var result = TemplateJson.ReadChanged(t => t.Parameters("slow")["invocationPercent"] = "10");

        Assert.Equal(["$.actions.slow.parameters.invocationPercent: is not a parameter of aws:lambda:invocation-add-delay. Did you mean \"invocationPercentage\"?"], result.Lines());
    }

    [Fact]
    public void ParameterOfAnotherAction_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Parameters("slow")["preventExecution"] = "true");

        Assert.Equal(["$.actions.slow.parameters.preventExecution: is not a parameter of aws:lambda:invocation-add-delay. Its parameters: duration, invocationPercentage, startupDelayMilliseconds."], result.Lines());
    }

    [Fact]
    public void NumberParameter_MustBeWrittenAsAString()
    {
        var result = TemplateJson.ReadChanged(t => t.Parameters("slow")["invocationPercentage"] = 50);

        Assert.Equal(["$.actions.slow.parameters.invocationPercentage: must be a string, not the number 50. FIS takes string values: write \"50\"."], result.Lines());
    }

    [Fact]
    public void StartAfterCycle_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("slow")["startAfter"] = new JsonArray("fail"));

        Assert.Equal(["$.actions.fail.startAfter: forms a cycle (fail → slow → fail): none of these actions could ever start. Remove one of the startAfter entries."], result.Lines());
    }

    [Fact]
    public void StartAfterItself_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("slow")["startAfter"] = new JsonArray("slow"));

        Assert.Equal(["$.actions.slow.startAfter[0]: \"slow\" is this action itself: it could never start. Remove it."], result.Lines());
    }

    [Fact]
    public void StartAfterUnknownAction_SuggestsTheClosest()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("fail")["startAfter"] = new JsonArray("slwo"));

        Assert.Equal(["$.actions.fail.startAfter[0]: \"slwo\" is not an action of this template. Did you mean \"slow\"?"], result.Lines());
    }

    [Fact]
    public void ActionOnUnknownTarget_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("fail")["targets"] = new JsonObject { ["Functions"] = "Functons" });

        Assert.Equal(["$.actions.fail.targets.Functions: \"Functons\" is not a target of this template. Did you mean \"Functions\"?"], result.Lines());
    }

    [Fact]
    public void UnknownActionId_SuggestsALambdaAction()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("fail")["actionId"] = "aws:lambda:invocation-errors");

        Assert.Equal(["$.actions.fail.actionId: \"aws:lambda:invocation-errors\" is not an action fisctl can run. Did you mean \"aws:lambda:invocation-error\"?"], result.Lines());
    }

    [Fact]
    public void WaitAction_TakesOnlyADuration_AndNoTarget()
    {
        var result = TemplateJson.ReadChanged(t => t["actions"]!["pause"] = new JsonObject
        {
            ["actionId"] = "aws:fis:wait",
            ["parameters"] = new JsonObject { ["duration"] = "PT30S", ["invocationPercentage"] = "5" },
            ["targets"] = new JsonObject { ["Functions"] = "Functions" },
        });

        Assert.Equal(
            [
                "$.actions.pause.parameters.invocationPercentage: is not a parameter of aws:fis:wait. Its parameters: duration.",
                "$.actions.pause.targets: aws:fis:wait acts on no target. Remove targets.",
            ],
            result.Lines());
    }

    [Fact]
    public void HttpResponseAction_WithoutStatusCode_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Action("fail")["actionId"] = "aws:lambda:invocation-http-integration-response");

        Assert.Equal(["$.actions.fail.parameters.statusCode: is missing. aws:lambda:invocation-http-integration-response needs it, e.g. \"statusCode\": \"503\"."], result.Lines());
    }

    [Fact]
    public void TargetWithArnsAndTags_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Target("Functions")["resourceTags"] = new JsonObject { ["team"] = "orders" });

        Assert.Equal(["$.targets.Functions: has both resourceArns and resourceTags. FIS takes one of them: keep one."], result.Lines());
    }

    [Fact]
    public void TargetWithAQualifiedArn_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Target("Functions")["resourceArns"] = new JsonArray("arn:aws:lambda:us-east-1:123456789012:function:orders-get:live"));

        Assert.Equal(["$.targets.Functions.resourceArns[0]: the string \"arn:aws:lambda:us-east-1:123456789012:function:orders-get:live\" is not a Lambda function ARN. Use arn:aws:lambda:<region>:<account>:function:<name>, without a version or alias."], result.Lines());
    }

    [Fact]
    public void DuplicateField_IsRejected()
    {
        var result = TemplateJson.Read(TemplateJson.Valid.Replace("\"description\": \"delay, then errors\",", "\"description\": \"a\", \"description\": \"b\",", StringComparison.Ordinal));

        Assert.Equal(["$.description: appears twice. Keep one."], result.Lines());
    }

    [Fact]
    public void InvalidJson_NamesTheLine()
    {
        var result = TemplateJson.Read("{\n  \"description\": \"x\",\n}");

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("$: is not valid JSON at line 3", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsSkipped()
    {
        var result = TemplateReader.Read((byte[])[0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(TemplateJson.Valid)]);

        Assert.Empty(result.Problems);
        Assert.Equal("delay, then errors", result.Template!.Description);
    }

    [Fact]
    public void ActionLongerThan12Hours_IsRejected()
    {
        var result = TemplateJson.ReadChanged(t => t.Parameters("slow")["duration"] = "PT12H1S");

        Assert.Equal(["$.actions.slow.parameters.duration: \"PT12H1S\" is above PT12H. An action runs at most 12 hours."], result.Lines());
    }

    [Fact]
    public void EmptyTargetResolutionModeSkip_IsRead()
    {
        var result = TemplateJson.ReadChanged(t => t["experimentOptions"] = new JsonObject { ["emptyTargetResolutionMode"] = "skip" });

        Assert.True(result.Template!.SkipEmptyTargets);
        Assert.False(TemplateJson.Read(TemplateJson.Valid).Template!.SkipEmptyTargets);
    }
}
