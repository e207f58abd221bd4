using FisExtension.Experiments.Cli;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Targeting;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>fisctl run in the test's process, with the real clock, a fixed experiment id, and the environment the test gives it.</summary>
internal static class FisctlInProcess
{
    /// <summary>A template with one start delay of <paramref name="delayMilliseconds"/> on one function, for ten minutes.</summary>
    public static string DelayTemplate(string functionArn, int delayMilliseconds) => $$"""
        {
          "description": "fisctl end to end",
          "targets": { "Function": { "resourceType": "aws:lambda:function", "resourceArns": ["{{functionArn}}"], "selectionMode": "ALL" } },
          "actions": {
            "inject-delay": {
              "actionId": "aws:lambda:invocation-add-delay",
              "parameters": { "duration": "PT10M", "startupDelayMilliseconds": "{{delayMilliseconds}}" },
              "targets": { "Functions": "Function" }
            }
          },
          "stopConditions": [{ "source": "none" }]
        }
        """;

    public static FisctlServices Services(string experimentId, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Time = TimeProvider.System,
        Seeds = new Fixed(experimentId),
        ExperimentIds = new Fixed(experimentId),
        GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        CreateHttpHandler = () => new SocketsHttpHandler(),
    };

    private sealed class Fixed(string experimentId) : ISeedSource, IExperimentIdSource
    {
        public int NextSeed() => 1;

        public string NextId() => experimentId;
    }
}
