using System.Text.Json.Nodes;
using FisExtension.Faults;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>Builds v1 fault configuration objects: a valid one by default, changed as each test needs.</summary>
internal static class FaultJson
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static JsonObject Valid(
        string actionId = FaultActionIds.AddDelay,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        string experimentId = "EXP7f3kQ2",
        string actionName = "inject-delay")
    {
        var startTime = start ?? DefaultStart;
        var endTime = end ?? startTime.AddMinutes(5);
        var parameters = new JsonObject { ["invocationPercentage"] = "100" };
        switch (actionId)
        {
            case FaultActionIds.AddDelay:
                parameters["startupDelayMilliseconds"] = "2000";
                break;
            case FaultActionIds.InvocationError:
                parameters["preventExecution"] = "true";
                break;
            case FaultActionIds.HttpIntegrationResponse:
                parameters["preventExecution"] = "false";
                parameters["statusCode"] = "503";
                parameters["contentTypeHeader"] = "text/plain";
                break;
        }

        return new JsonObject
        {
            ["schemaVersion"] = 1,
            ["experimentId"] = experimentId,
            ["actionName"] = actionName,
            ["actionId"] = actionId,
            ["startTime"] = Rfc3339(startTime),
            ["endTime"] = Rfc3339(endTime),
            ["parameters"] = parameters,
        };
    }

    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Bytes(this JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
}
