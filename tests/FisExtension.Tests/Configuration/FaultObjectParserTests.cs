using System.Text;
using System.Text.Json.Nodes;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Tests.Configuration;

public class FaultObjectParserTests
{
    private const string Key = "FisConfigs/my-function/EXP7f3kQ2-inject-delay.json";

    [Fact]
    public void ValidDelayObject_YieldsDefinitionWithTypedParameters()
    {
        var result = Parse(FaultJson.Valid());

        var definition = Assert.IsType<FaultDefinition>(result.Definition);
        Assert.Empty(result.Problems);
        Assert.Equal(Key, definition.Key);
        Assert.Equal("EXP7f3kQ2", definition.ExperimentId);
        Assert.Equal("inject-delay", definition.ActionName);
        Assert.Equal(FaultKind.StartDelay, definition.Kind);
        Assert.Equal(FaultJson.DefaultStart, definition.StartTime);
        Assert.Equal(FaultJson.DefaultStart.AddMinutes(5), definition.EndTime);
        Assert.Equal(100, definition.InvocationPercentage);
        Assert.Equal(2000, definition.StartupDelayMilliseconds);
    }

    [Fact]
    public void ValidHttpObject_YieldsStatusCodeContentTypeAndPreventExecution()
    {
        var json = FaultJson.Valid(FaultActionIds.HttpIntegrationResponse);
        json["parameters"]!["preventExecution"] = true;
        json["parameters"]!["statusCode"] = "000";

        var definition = Parse(json).Definition!;

        Assert.Equal(FaultKind.HttpIntegrationResponse, definition.Kind);
        Assert.Equal(0, definition.StatusCode);
        Assert.True(definition.PreventExecution);
        Assert.Equal("text/plain", definition.ContentTypeHeader);
    }

    [Fact]
    public void ParametersAsNumbersAndBooleans_AreAcceptedLikeStrings()
    {
        var json = FaultJson.Valid(FaultActionIds.InvocationError);
        json["parameters"] = new JsonObject { ["invocationPercentage"] = 12.5, ["preventExecution"] = false };

        var definition = Parse(json).Definition!;

        Assert.Equal(12.5, definition.InvocationPercentage);
        Assert.False(definition.PreventExecution);
    }

    [Fact]
    public void MissingParameters_TakeTheContractDefaults()
    {
        var delay = FaultJson.Valid();
        delay.Remove("parameters");
        var error = FaultJson.Valid(FaultActionIds.InvocationError);
        error.Remove("parameters");
        var http = FaultJson.Valid(FaultActionIds.HttpIntegrationResponse);
        http["parameters"] = new JsonObject { ["statusCode"] = "503" };

        Assert.Equal(1000, Parse(delay).Definition!.StartupDelayMilliseconds);
        Assert.Equal(100, Parse(delay).Definition!.InvocationPercentage);
        Assert.False(Parse(error).Definition!.PreventExecution);
        Assert.Equal("application/json", Parse(http).Definition!.ContentTypeHeader);
        Assert.False(Parse(http).Definition!.PreventExecution);
    }

    [Fact]
    public void MisspeltTopLevelField_RejectsTheObjectNamingTheClosestField()
    {
        var json = FaultJson.Valid();
        json["paramaters"] = json["parameters"]!.DeepClone();
        json.Remove("parameters");

        var result = Parse(json);

        Assert.Null(result.Definition);
        Assert.Equal(
            "\"paramaters\" is not a field of schema v1; did you mean \"parameters\"? Field names are case-sensitive.",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void FieldInTheWrongCase_IsRejectedWithTheRightName()
    {
        var json = FaultJson.Valid();
        json["StartTime"] = json["startTime"]!.DeepClone();
        json.Remove("startTime");

        var problems = Parse(json).Problems;

        Assert.Contains("\"StartTime\" is not a field of schema v1; did you mean \"startTime\"? Field names are case-sensitive.", problems);
        Assert.Contains("startTime is missing. Add it in RFC 3339 UTC, e.g. \"2026-11-25T10:00:00Z\".", problems);
    }

    [Fact]
    public void UnknownFieldUnlikeAnyKnownOne_IsRejectedListingTheFields()
    {
        var json = FaultJson.Valid();
        json["comment"] = new JsonArray(1, 2);

        Assert.Equal(
            "\"comment\" is not a field of schema v1. Remove it; the fields are schemaVersion, experimentId, actionName, actionId, startTime, endTime, parameters.",
            Assert.Single(Parse(json).Problems));
    }

    [Fact]
    public void MisspeltParameter_AsSeenInIssue9_RejectsTheObjectInsteadOfInjectingAtEveryInvocation()
    {
        var json = FaultJson.Valid(FaultActionIds.InvocationError);
        json["parameters"] = new JsonObject { ["invocationPercent"] = "10", ["preventExecution"] = "true" };

        var result = Parse(json);

        Assert.Null(result.Definition);
        Assert.Equal(
            "parameters.\"invocationPercent\" is not a parameter; did you mean \"invocationPercentage\"? Parameter names are case-sensitive.",
            Assert.Single(result.Problems));
    }

    [Fact]
    public void ParameterOfAnotherAction_RejectsTheObject()
    {
        var json = FaultJson.Valid(FaultActionIds.InvocationError);
        json["parameters"]!["startupDelayMilliseconds"] = "2000";

        Assert.Equal(
            "parameters.\"startupDelayMilliseconds\" is not a parameter of aws:lambda:invocation-error, whose parameters are invocationPercentage, preventExecution. Remove it, or check actionId.",
            Assert.Single(Parse(json).Problems));
    }

    [Fact]
    public void TemplateDuration_IsAllowedAndIgnored()
    {
        var json = FaultJson.Valid();
        json["parameters"]!["duration"] = "PT5M";

        Assert.Equal(2000, Parse(json).Definition!.StartupDelayMilliseconds);
    }

    [Theory]
    [InlineData("\"schemaVersion\":1", "\"schemaVersion\":1,\"schemaVersion\":1", "field \"schemaVersion\" appears more than once. Keep one.")]
    [InlineData("\"statusCode\":\"503\"", "\"statusCode\":\"503\",\"statusCode\":\"200\"", "parameters.\"statusCode\" appears more than once. Keep one.")]
    public void RepeatedName_RejectsTheObject(string written, string repeated, string expected)
    {
        var text = FaultJson.Valid(FaultActionIds.HttpIntegrationResponse).ToJsonString().Replace(written, repeated, StringComparison.Ordinal);

        Assert.Equal(expected, Assert.Single(FaultObjectParser.Parse(Key, Encoding.UTF8.GetBytes(text)).Problems));
    }

    [Fact]
    public void WrongTimeZoneAndTooLongWindow_AreBothReported()
    {
        var json = FaultJson.Valid();
        json["startTime"] = "2026-11-25T11:00:00+01:00";
        json["endTime"] = "2026-11-26T00:00:00Z";

        var problems = Parse(json).Problems;

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("startTime \"2026-11-25T11:00:00\\u002B01:00\" is not in UTC.", problems[0]);
        Assert.Equal("the span from startTime to endTime is 14:00:00 (h:mm:ss), above 12 hours. Move endTime to at most 12 hours after startTime.", problems[1]);
    }

    [Fact]
    public void UnknownActionId_IsSkippedAsUnknownNotInvalid()
    {
        var json = FaultJson.Valid();
        json["actionId"] = "aws:lambda:invocation-teleport";

        var result = Parse(json);

        Assert.Null(result.Definition);
        Assert.Equal("aws:lambda:invocation-teleport", result.UnknownActionId);
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00+00:00", "2026-11-25T10:05:00.125Z")]
    [InlineData("2026-11-25T10:00:00.5Z", "2026-11-25T22:00:00.5Z")]
    public void Rfc3339UtcForms_AreAccepted(string start, string end)
    {
        var json = FaultJson.Valid();
        json["startTime"] = start;
        json["endTime"] = end;

        Assert.NotNull(Parse(json).Definition);
    }

    [Theory]
    [InlineData("schemaVersion", null, "schemaVersion is missing. Add \"schemaVersion\": 1.")]
    [InlineData("experimentId", null, "experimentId is missing. Add it as a string.")]
    [InlineData("experimentId", "7", "experimentId must be a string, not a number.")]
    [InlineData("actionName", "\"  \"", "actionName is empty. Give it a value.")]
    [InlineData("actionId", "true", "actionId must be a string, not a boolean.")]
    [InlineData("startTime", null, "startTime is missing. Add it in RFC 3339 UTC, e.g. \"2026-11-25T10:00:00Z\".")]
    [InlineData("endTime", null, "endTime is missing. Add it in RFC 3339 UTC, e.g. \"2026-11-25T10:00:00Z\".")]
    [InlineData("startTime", "\"2026-11-25 10:00\"", "startTime \"2026-11-25 10:00\" is not an RFC 3339 UTC time. Write it like \"2026-11-25T10:00:00Z\".")]
    [InlineData("startTime", "1764064800", "startTime 1764064800 is not an RFC 3339 UTC time. Write it like \"2026-11-25T10:00:00Z\".")]
    [InlineData("startTime", "\"2026-11-25T11:00:00+01:00\"", "startTime \"2026-11-25T11:00:00\\u002B01:00\" is not in UTC. Convert it to UTC and end it with Z, like \"2026-11-25T10:00:00Z\".")]
    [InlineData("endTime", "\"2026-11-25T10:05:00\"", "endTime \"2026-11-25T10:05:00\" has no time zone. End it with Z for UTC, like \"2026-11-25T10:00:00Z\".")]
    [InlineData("endTime", "\"2026-11-25T10:00:00Z\"", "endTime 2026-11-25T10:00:00Z is not after startTime 2026-11-25T10:00:00Z. Set endTime later than startTime.")]
    [InlineData("endTime", "\"2026-11-25T22:00:01Z\"", "the span from startTime to endTime is 12:00:01 (h:mm:ss), above 12 hours. Move endTime to at most 12 hours after startTime.")]
    [InlineData("endTime", "\"2026-11-26T10:00:00Z\"", "the span from startTime to endTime is 24:00:00 (h:mm:ss), above 12 hours. Move endTime to at most 12 hours after startTime.")]
    [InlineData("parameters", "[]", "parameters must be a JSON object of names and values, not an array.")]
    public void TopLevelRule_IsReportedWithHowToFixIt(string field, string? rawValue, string expected)
    {
        var result = Parse(With(FaultJson.Valid(), field, rawValue));

        Assert.Null(result.Definition);
        Assert.Contains(expected, result.Problems);
    }

    [Theory]
    [InlineData("schemaVersion", "2")]
    [InlineData("schemaVersion", "\"1\"")]
    [InlineData("schemaVersion", "1.5")]
    public void OtherSchemaVersion_IsRejectedAloneWithoutV1Noise(string field, string rawValue)
    {
        var json = With(FaultJson.Valid(), field, rawValue);
        json.Remove("endTime");

        var problems = Parse(json).Problems;

        Assert.Equal($"schemaVersion {rawValue} is not supported. Use 1.", Assert.Single(problems));
    }

    [Theory]
    [InlineData("startupDelayMilliseconds", "\"1200000\"", "startupDelayMilliseconds 1200000 is above 900000. Use at most 900000 (15 minutes).")]
    [InlineData("startupDelayMilliseconds", "1200000", "startupDelayMilliseconds 1200000 is above 900000. Use at most 900000 (15 minutes).")]
    [InlineData("startupDelayMilliseconds", "\"-1\"", "startupDelayMilliseconds -1 has a minus sign. Use 0 or more.")]
    [InlineData("startupDelayMilliseconds", "\"2.5\"", "startupDelayMilliseconds 2.5 is not written as a whole number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\"1000.0\"", "startupDelayMilliseconds 1000.0 is not written as a whole number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\"1e3\"", "startupDelayMilliseconds \"1e3\" is not written in plain digits (no exponent, sign or spaces). Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "1e3", "startupDelayMilliseconds 1e3 is not written in plain digits (no exponent, sign or spaces). Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\" 500\"", "startupDelayMilliseconds \" 500\" is not written in plain digits (no exponent, sign or spaces). Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\"+500\"", "startupDelayMilliseconds \"\\u002B500\" is not written in plain digits (no exponent, sign or spaces). Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\"0x10\"", "startupDelayMilliseconds \"0x10\" is not a number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("invocationPercentage", "\".5\"", "invocationPercentage \".5\" is not written in plain digits (no exponent, sign or spaces). Use a number from 1 to 100, e.g. \"50\".")]
    [InlineData("startupDelayMilliseconds", "\"soon\"", "startupDelayMilliseconds \"soon\" is not a number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "\"NaN\"", "startupDelayMilliseconds \"NaN\" is not a number. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("startupDelayMilliseconds", "null", "startupDelayMilliseconds must be a string or a number, not null. Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".")]
    [InlineData("invocationPercentage", "\"0\"", "invocationPercentage 0 is below 1. Use at least 1; to stop injecting, end the experiment.")]
    [InlineData("invocationPercentage", "100.5", "invocationPercentage 100.5 is above 100. Use at most 100.")]
    [InlineData("invocationPercentage", "{}", "invocationPercentage must be a string or a number, not an object. Use a number from 1 to 100, e.g. \"50\".")]
    public void DelayParameterRule_IsReportedWithHowToFixIt(string parameter, string rawValue, string expected)
    {
        var json = FaultJson.Valid();
        json["parameters"]![parameter] = JsonNode.Parse(rawValue);

        Assert.Contains(expected, Parse(json).Problems);
    }

    [Theory]
    [InlineData("statusCode", "\"1000\"", "statusCode 1000 is above 999. Use at most 999.")]
    [InlineData("statusCode", "-1", "statusCode -1 has a minus sign. Use 000 or more.")]
    [InlineData("statusCode", "\"-0\"", "statusCode -0 has a minus sign. Use 000 or more.")]
    [InlineData("statusCode", "5.03e2", "statusCode 5.03e2 is not written in plain digits (no exponent, sign or spaces). Use a whole number from 000 to 999, e.g. \"503\".")]
    [InlineData("preventExecution", "\"TRUE\"", "preventExecution \"TRUE\" is not true or false. Use \"true\" or \"false\".")]
    [InlineData("preventExecution", "\" true\"", "preventExecution \" true\" is not true or false. Use \"true\" or \"false\".")]
    [InlineData("statusCode", "\"5xx\"", "statusCode \"5xx\" is not a number. Use a whole number from 000 to 999, e.g. \"503\".")]
    [InlineData("preventExecution", "\"yes\"", "preventExecution \"yes\" is not true or false. Use \"true\" or \"false\".")]
    [InlineData("preventExecution", "1", "preventExecution 1 is not true or false. Use \"true\" or \"false\".")]
    [InlineData("contentTypeHeader", "\"\"", "contentTypeHeader \"\" is not a media type. Use a non-empty string such as \"application/json\".")]
    [InlineData("contentTypeHeader", "42", "contentTypeHeader 42 is not a media type. Use a non-empty string such as \"application/json\".")]
    [InlineData("contentTypeHeader", "\"text/plain\\r\\nX-Injected: 1\"", "contentTypeHeader \"text/plain\\r\\nX-Injected: 1\" contains a character not allowed in an HTTP header. Use printable ASCII, such as \"text/plain; charset=utf-8\".")]
    public void HttpParameterRule_IsReportedWithHowToFixIt(string parameter, string rawValue, string expected)
    {
        var json = FaultJson.Valid(FaultActionIds.HttpIntegrationResponse);
        json["parameters"]![parameter] = JsonNode.Parse(rawValue);

        Assert.Contains(expected, Parse(json).Problems);
    }

    [Fact]
    public void HttpObjectWithoutStatusCode_IsRejected()
    {
        var json = FaultJson.Valid(FaultActionIds.HttpIntegrationResponse);
        json["parameters"]!.AsObject().Remove("statusCode");

        Assert.Equal(
            "parameters.statusCode is missing. Add the HTTP status to return, from 000 to 999, e.g. \"503\".",
            Assert.Single(Parse(json).Problems));
    }

    [Fact]
    public void EveryProblemOfOneObject_IsReportedTogether()
    {
        var json = FaultJson.Valid();
        json.Remove("experimentId");
        json["endTime"] = "tomorrow";
        json["parameters"]!["startupDelayMilliseconds"] = "1200000";
        json["parameters"]!["invocationPercentage"] = "150";

        var problems = Parse(json).Problems;

        Assert.Equal(4, problems.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void NotAJsonObject_IsRejectedWithOneProblem(string text)
    {
        var result = FaultObjectParser.Parse(Key, Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Definition);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void InvalidUtf8_IsRejectedNotThrown()
    {
        var bytes = FaultJson.Valid().Bytes();
        bytes[30] = 0xC3;
        bytes[31] = 0x28;

        var result = FaultObjectParser.Parse(Key, bytes);

        Assert.Equal("the object is not valid UTF-8 text. Save it as UTF-8 JSON.", Assert.Single(result.Problems));
    }

    [Fact]
    public void Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(FaultJson.Valid().Bytes()).ToArray();

        Assert.NotNull(FaultObjectParser.Parse(Key, bytes).Definition);
    }

    [Fact]
    public void DeeplyNestedJson_IsRejectedNotThrown()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        Assert.Single(FaultObjectParser.Parse(Key, Encoding.UTF8.GetBytes(text)).Problems);
    }

    private static FaultObjectParseResult Parse(JsonNode json) => FaultObjectParser.Parse(Key, json.Bytes());

    private static JsonObject With(JsonObject json, string field, string? rawValue)
    {
        if (rawValue is null)
        {
            json.Remove(field);
        }
        else
        {
            json[field] = JsonNode.Parse(rawValue);
        }

        return json;
    }
}
