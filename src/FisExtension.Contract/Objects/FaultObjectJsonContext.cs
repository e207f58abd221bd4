using System.Text.Json.Serialization;

namespace FisExtension.Contract.Objects;

/// <summary>Source-generated, so writing objects needs no reflection (and stays trimming- and AOT-clean).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(FaultObject))]
internal sealed partial class FaultObjectJsonContext : JsonSerializerContext;
