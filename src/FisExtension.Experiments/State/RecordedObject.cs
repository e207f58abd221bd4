using System.Text.Json.Serialization;

namespace FisExtension.Experiments.State;

/// <summary>One object a running experiment puts: its action, function and the file it lives in.</summary>
public sealed record RecordedObject(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("function")] string Function,
    [property: JsonPropertyName("path")] string Path);
