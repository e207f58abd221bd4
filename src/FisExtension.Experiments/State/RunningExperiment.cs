using System.Text.Json.Serialization;

namespace FisExtension.Experiments.State;

/// <summary>What <c>fisctl experiment start</c>/<c>run</c> records while an experiment runs, so <c>stop</c>, <c>list</c> and <c>status</c> can find it.</summary>
public sealed record RunningExperiment(
    [property: JsonPropertyName("experimentId")] string ExperimentId,
    [property: JsonPropertyName("template")] string Template,
    [property: JsonPropertyName("startTime")] string StartTime,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("objects")] IReadOnlyList<RecordedObject> Objects);
