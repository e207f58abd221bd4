using System.Text.Encodings.Web;
using System.Text.Json;

namespace FisExtension.Contract.Objects;

/// <summary>Values as problems quote them: cut short, so that one bad value cannot flood a log line, and free of control characters.</summary>
internal static class ShownText
{
    public const int MaxLength = 64;

    public static string Shorten(string text, int max, string open, string close) =>
        text.Length <= max ? string.Concat(open, text, close) : string.Concat(open, text.AsSpan(0, max - 3), "...", close);

    /// <summary>A value's JSON text, shortened. JSON escapes line breaks but allows DEL and C1 controls unescaped: those are escaped too.</summary>
    public static string Json(string rawJson)
    {
        var shown = Shorten(rawJson, MaxLength, "", "");
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))
            : shown;
    }

    /// <summary>A string as a JSON string literal, as it would be written in an object or a template.</summary>
    public static string JsonString(string text) => Json($"\"{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"");
}
