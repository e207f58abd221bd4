using System.Text;
using System.Text.Json.Nodes;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>A valid template to start from, and helpers to break one field of it and read the result.</summary>
public static class TemplateJson
{
    public const string Valid = """
        {
          "description": "delay, then errors",
          "targets": {
            "Functions": {
              "resourceType": "aws:lambda:function",
              "resourceArns": ["arn:aws:lambda:us-east-1:123456789012:function:orders-get"],
              "selectionMode": "ALL"
            }
          },
          "actions": {
            "slow": {
              "actionId": "aws:lambda:invocation-add-delay",
              "parameters": { "duration": "PT2M", "invocationPercentage": "50", "startupDelayMilliseconds": "1500" },
              "targets": { "Functions": "Functions" }
            },
            "fail": {
              "actionId": "aws:lambda:invocation-error",
              "parameters": { "duration": "PT1M", "invocationPercentage": "25", "preventExecution": "true" },
              "targets": { "Functions": "Functions" },
              "startAfter": ["slow"]
            }
          },
          "stopConditions": [{ "source": "none" }]
        }
        """;

    public static JsonObject Node() => JsonNode.Parse(Valid)!.AsObject();

    public static TemplateReadResult Read(string json) => TemplateReader.Read(Encoding.UTF8.GetBytes(json));

    public static TemplateReadResult Read(JsonObject template) => Read(template.ToJsonString());

    public static TemplateReadResult ReadChanged(Action<JsonObject> change)
    {
        var template = Node();
        change(template);
        return Read(template);
    }

    public static JsonObject Action(this JsonObject template, string name) => template["actions"]![name]!.AsObject();

    public static JsonObject Parameters(this JsonObject template, string action) => template.Action(action)["parameters"]!.AsObject();

    public static JsonObject Target(this JsonObject template, string name) => template["targets"]![name]!.AsObject();

    public static IReadOnlyList<string> Lines(this TemplateReadResult result) => result.Problems.Select(p => p.ToString()).ToList();
}
