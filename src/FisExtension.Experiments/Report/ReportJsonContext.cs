using System.Text.Json.Serialization;

namespace FisExtension.Experiments.Report;

/// <summary>Source-generated JSON for the report (no reflection, so fisctl stays trim- and AOT-clean).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExperimentReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
