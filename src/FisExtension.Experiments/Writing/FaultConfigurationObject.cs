using System.Text.Json.Serialization;

namespace FisExtension.Experiments.Writing;

/// <summary>
/// A v1 fault configuration object, as the extension reads it (README, "Object schema v1"; fis-lambda-actions.md §5).
/// To be replaced by the one shared contract definition once the extension's parser moves there (architecture.md).
/// </summary>
public sealed record FaultConfigurationObject
{
    public const int Version = 1;

    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; init; } = Version;

    [JsonPropertyName("experimentId")]
    public required string ExperimentId { get; init; }

    [JsonPropertyName("actionName")]
    public required string ActionName { get; init; }

    [JsonPropertyName("actionId")]
    public required string ActionId { get; init; }

    /// <summary>RFC 3339 in UTC, e.g. <c>2026-11-25T10:00:00Z</c>.</summary>
    [JsonPropertyName("startTime")]
    public required string StartTime { get; init; }

    [JsonPropertyName("endTime")]
    public required string EndTime { get; init; }

    /// <summary>The template's parameters as written (strings); the extension ignores those of other actions and <c>duration</c>.</summary>
    [JsonPropertyName("parameters")]
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
}
