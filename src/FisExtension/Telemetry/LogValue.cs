using System.Globalization;
using System.Text;

namespace FisExtension.Telemetry;

/// <summary>
/// Makes a value that came from configuration, an object or the network safe for one log line: every character
/// that could end the line, move the cursor, recolour or reorder a terminal escaped as <c>\n</c>, <c>\r</c>,
/// <c>\t</c> or <c>\uXXXX</c>; secrets redacted (<see cref="SecretRedactor"/>, on the escaped text, so that an
/// escape inside a secret cannot end the match early); and the length capped, with a note of how much was cut.
/// Sanitising twice changes nothing, so the whole message is sanitised again as a last guard.
/// </summary>
internal static class LogValue
{
    /// <summary>The longest a single value may be in a line; keys and lists of problems fit well within it.</summary>
    public const int ValueCap = 1024;

    /// <summary>The longest a whole message may be.</summary>
    public const int MessageCap = 8192;

    // "<cut 2147483647 chars>" is 22 characters. It starts with '<', which ends a redacted value, so that a cut
    // right after "password=" cannot be read as a secret by the next pass.
    private const int CutNoteRoom = 22;

    public static string Sanitize(string? value, int cap = ValueCap)
    {
        if (value is null)
        {
            return "(null)";
        }

        var safe = SecretRedactor.Redact(NeedsEscaping(value) ? Escape(value) : value);
        if (safe.Length <= cap)
        {
            return safe;
        }

        var keep = cap - CutNoteRoom;
        if (char.IsHighSurrogate(safe[keep - 1]))
        {
            keep--;
        }

        // Never half a redaction marker: "[RED" would be taken for a secret and redacted again.
        var marker = safe.LastIndexOf(SecretRedactor.Redacted[0], keep - 1);
        if (marker >= 0 && marker + SecretRedactor.Redacted.Length > keep
            && safe.AsSpan(marker).StartsWith(SecretRedactor.Redacted, StringComparison.Ordinal))
        {
            keep = marker;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{safe.AsSpan(0, keep)}<cut {safe.Length - keep} chars>");
    }

    private static bool NeedsEscaping(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when IsUnsafe(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    // C0 and C1 controls (ESC starts ANSI sequences, BEL rings, NEL ends a line), line and paragraph separators,
    // bidirectional overrides and isolates that reorder what a reader sees (CVE-2021-42574), the byte-order mark,
    // and surrogates without their pair, which are not valid UTF-8 or JSON text.
    private static bool IsUnsafe(char c) =>
        c < ' ' || (c >= '\u007F' && c <= '\u009F')
        || c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
        || char.IsSurrogate(c);
}
