using System.Text.Json.Serialization;

namespace FisExtension.Experiments.State;

/// <summary>The one field of a v1 object a scan needs: whose experiment it belongs to.</summary>
public sealed record ObjectExperimentId([property: JsonPropertyName("experimentId")] string? ExperimentId);
