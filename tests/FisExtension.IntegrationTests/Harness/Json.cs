using System.Text;
using System.Text.Json;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>Reads invocation results and log lines as JSON.</summary>
internal static class Json
{
    public static JsonElement Parse(byte[] utf8) => JsonDocument.Parse(utf8).RootElement.Clone();

    public static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();

    /// <summary>The string value at a path of property names, or null when any step is missing.</summary>
    public static string? String(byte[] utf8, params string[] path) => Find(Parse(utf8), path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    public static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>A flat event for the test handlers, e.g. <c>{"action":"echo","markerFile":"/tmp/m","n":3}</c>.</summary>
    public static byte[] Event(params (string Name, object Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                if (value is int number)
                {
                    json.WriteNumber(name, number);
                }
                else
                {
                    json.WriteString(name, value.ToString());
                }
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
