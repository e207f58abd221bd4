using System.Text.Json;
using System.Text.Json.Serialization;

namespace FisExtension.Contract.Objects;

/// <summary>
/// A v1 fault configuration object as it is written (README, "Object schema v1"; fis-lambda-actions.md §5), the
/// counterpart of what <see cref="FaultObjectParser"/> reads. Times are RFC 3339 in UTC; parameters are strings, as
/// FIS templates write them.
/// </summary>
public sealed record FaultObject
{
    [JsonPropertyName(FaultObjectSchema.SchemaVersion)]
    public int SchemaVersion { get; init; } = FaultObjectSchema.SupportedVersion;

    [JsonPropertyName(FaultObjectSchema.ExperimentId)]
    public required string ExperimentId { get; init; }

    [JsonPropertyName(FaultObjectSchema.ActionName)]
    public required string ActionName { get; init; }

    [JsonPropertyName(FaultObjectSchema.ActionId)]
    public required string ActionId { get; init; }

    /// <summary>RFC 3339 in UTC, e.g. <c>2026-11-25T10:00:00Z</c>.</summary>
    [JsonPropertyName(FaultObjectSchema.StartTime)]
    public required string StartTime { get; init; }

    [JsonPropertyName(FaultObjectSchema.EndTime)]
    public required string EndTime { get; init; }

    [JsonPropertyName(FaultObjectSchema.Parameters)]
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, FaultObjectJsonContext.Default.FaultObject);
}
