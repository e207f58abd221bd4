using System.Text.Json.Serialization;

namespace FisExtension.Experiments.State;

/// <summary>
/// One object a running experiment puts: its action, function, where a user finds it (<c>path</c>: a file or
/// <c>s3://bucket/key</c>), and the location and key its store uses.
/// </summary>
public sealed record RecordedObject(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("function")] string Function,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("location")] string? Location = null,
    [property: JsonPropertyName("key")] string? Key = null)
{
    /// <summary>The store's location and key; a record written before fisctl wrote to S3 names a file only.</summary>
    public (ConfigurationLocation Location, string Key) StoredAt() =>
        Location is not null && Key is not null && ConfigurationLocationParser.TryParse(Location, out var parsed, out _)
            ? (parsed, Key)
            : (new DirectoryConfigurationLocation(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(Path)) ?? "/"), Path);
}
