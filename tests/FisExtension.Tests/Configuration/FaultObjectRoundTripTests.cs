namespace FisExtension.Tests.Configuration;

/// <summary>An object written by the contract's writer side (as fisctl writes it) is read back by the parser the extension uses.</summary>
public sealed class FaultObjectRoundTripTests
{
    [Fact]
    public void WrittenObject_IsReadBackByTheParser_WithEveryFieldAndParameter()
    {
        var written = new FaultObject
        {
            ExperimentId = "EXP7f3kQ2",
            ActionName = "inject-http",
            ActionId = FaultActionIds.HttpIntegrationResponse,
            StartTime = "2026-11-25T10:00:00Z",
            EndTime = "2026-11-25T10:05:00.5Z",
            Parameters = new Dictionary<string, string>
            {
                ["duration"] = "PT5M", ["invocationPercentage"] = "12.5", ["preventExecution"] = "true", ["statusCode"] = "503", ["contentTypeHeader"] = "text/plain",
            },
        };

        var read = FaultObjectParser.Parse("FisConfigs/orders-get/EXP7f3kQ2-inject-http.json", written.ToUtf8Json());

        Assert.Empty(read.Problems);
        Assert.Equal(
            ("EXP7f3kQ2", "inject-http", FaultKind.HttpIntegrationResponse, new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 10, 5, 0, 500, TimeSpan.Zero)),
            (read.Definition!.ExperimentId, read.Definition.ActionName, read.Definition.Kind, read.Definition.StartTime, read.Definition.EndTime));
        Assert.Equal((12.5, true, 503, "text/plain"), (read.Definition.InvocationPercentage, read.Definition.PreventExecution, read.Definition.StatusCode, read.Definition.ContentTypeHeader));
    }

    [Theory]
    [InlineData("invocationPercentage", "50", null)]
    [InlineData("invocationPercentage", "150", "150 is above 100. Use at most 100.")]
    [InlineData("startupDelayMilliseconds", "1000.0", "1000.0 is not written as a whole number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "1e3", "\"1e3\" is not written in plain digits (no exponent, sign or spaces). Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("preventExecution", "True", "\"True\" is not true or false. Use \"true\" or \"false\".")]
    [InlineData("statusCode", "000", null)]
    [InlineData("contentTypeHeader", "text/\nplain", "\"text/\\nplain\" contains a character not allowed in an HTTP header. Use printable ASCII, such as \"text/plain; charset=utf-8\".")]
    public void StringParameter_IsJudgedByTheRuleTheParserApplies(string name, string value, string? problem) =>
        Assert.Equal(problem, ParameterRules.CheckString(name, value));
}
