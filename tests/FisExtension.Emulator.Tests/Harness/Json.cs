using System.Text;
using System.Text.Json;

namespace FisExtension.Emulator.Tests.Harness;

internal static class Json
{
    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static JsonElement Parse(byte[] bytes) => JsonDocument.Parse(bytes).RootElement.Clone();

    public static string? Property(byte[] bytes, string name) =>
        Parse(bytes).TryGetProperty(name, out var value) ? value.ToString() : null;
}
