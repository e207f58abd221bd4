using System.Text.Json.Serialization;

namespace FisExtension.Experiments.State;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(RunningExperiment))]
[JsonSerializable(typeof(ObjectExperimentId))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
