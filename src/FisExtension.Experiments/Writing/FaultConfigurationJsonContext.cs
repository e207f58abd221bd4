using System.Text.Json.Serialization;

namespace FisExtension.Experiments.Writing;

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(FaultConfigurationObject))]
internal sealed partial class FaultConfigurationJsonContext : JsonSerializerContext;
