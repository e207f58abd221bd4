using System.Text;
using FisExtension.Contract.Logs;

namespace FisExtension.Launcher;

/// <summary>
/// The launcher's line in the extension's two forms (the extension's FisLogLine): plain text, or Lambda's JSON log
/// format when the function uses it, so that a query over JSON logs finds it as it finds the extension's own lines.
/// Written by hand to keep the launcher free of the JSON and date-formatting libraries.
/// </summary>
internal static class LauncherLogLine
{
    public static string Format(string message, string? logFormat, DateTimeOffset now)
    {
        var text = ExtensionLogLines.Prefix + message;
        if (!string.Equals(logFormat, LaunchEnvironment.JsonLogFormat, StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        var line = new StringBuilder(text.Length + 96);
        line.Append("{\"timestamp\":\"");
        AppendTimestamp(line, now.UtcDateTime);
        line.Append("\",\"level\":\"ERROR\",\"fields\":{\"message\":\"");
        AppendEscaped(line, text);
        line.Append("\"}}");
        return line.ToString();
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffZ, the extension's timestamp.</summary>
    private static void AppendTimestamp(StringBuilder line, DateTime utc)
    {
        AppendDigits(line, utc.Year, 4).Append('-');
        AppendDigits(line, utc.Month, 2).Append('-');
        AppendDigits(line, utc.Day, 2).Append('T');
        AppendDigits(line, utc.Hour, 2).Append(':');
        AppendDigits(line, utc.Minute, 2).Append(':');
        AppendDigits(line, utc.Second, 2).Append('.');
        AppendDigits(line, utc.Millisecond, 3).Append('Z');
    }

    private static StringBuilder AppendDigits(StringBuilder line, int value, int width)
    {
        Span<char> digits = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return line.Append(digits);
    }

    // RFC 8259 §7: the quotation mark, the reverse solidus and the control characters must be escaped.
    private static void AppendEscaped(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    line.Append("\\\"");
                    break;
                case '\\':
                    line.Append("\\\\");
                    break;
                case < ' ':
                    line.Append("\\u00");
                    AppendHex(line, c >> 4);
                    AppendHex(line, c & 0xF);
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
    }

    private static StringBuilder AppendHex(StringBuilder line, int nibble) =>
        line.Append((char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10));
}
