using System.Text.Json.Serialization;

namespace FisExtension.ExtensionsApi;

/// <summary>The body of <c>POST /extension/register</c>.</summary>
internal sealed record RegisterRequest([property: JsonPropertyName("events")] IReadOnlyList<string> Events);
