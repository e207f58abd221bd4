using System.Collections;
using System.Globalization;
using System.Text;

namespace FisExtension.Telemetry;

/// <summary>
/// Renders a structured log event's message from its template with every value passed through
/// <see cref="LogValue.Sanitize"/>, so that each value is escaped, redacted and capped on its own and the wording
/// around it stays whole. An event without a template (a plain string) is sanitised as one value.
/// </summary>
internal static class SafeLogMessage
{
    // Microsoft.Extensions.Logging's key for the template of a structured event (LoggerMessage and LogInformation alike).
    private const string OriginalFormat = "{OriginalFormat}";

    public static string Render<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> fields && TemplateOf(fields) is { } template)
        {
            return Fill(template, fields);
        }

        return LogValue.Sanitize(formatter(state, exception), LogValue.MessageCap);
    }

    private static string? TemplateOf(IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        foreach (var field in fields)
        {
            if (field.Key == OriginalFormat)
            {
                return field.Value as string;
            }
        }

        return null;
    }

    private static string Fill(string template, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        var text = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            var doubled = i + 1 < template.Length && template[i + 1] == c;
            if ((c == '{' || c == '}') && doubled)
            {
                text.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(c);
                continue;
            }

            // A hole is {Name}, {Name,alignment} or {Name:format} (message templates, messagetemplates.org).
            var hole = template.AsSpan(i + 1, close - i - 1);
            var nameLength = hole.IndexOfAny(',', ':');
            var name = nameLength < 0 ? hole : hole[..nameLength];
            text.Append(TryFind(fields, name, out var value)
                ? LogValue.Sanitize(Format(value, nameLength < 0 ? "" : hole[nameLength..].ToString()))
                : template.AsSpan(i, close - i + 1));
            i = close;
        }

        return text.ToString();
    }

    private static bool TryFind(IReadOnlyList<KeyValuePair<string, object?>> fields, ReadOnlySpan<char> name, out object? value)
    {
        foreach (var field in fields)
        {
            if (name.Equals(field.Key, StringComparison.OrdinalIgnoreCase))
            {
                value = field.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    // As Microsoft.Extensions.Logging formats values: null as "(null)", sequences joined with ", ".
    private static string? Format(object? value, string alignmentAndFormat) => value switch
    {
        null => null,
        string text => alignmentAndFormat.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", text),
        IEnumerable items when value is not IFormattable => string.Join(", ", items.Cast<object?>().Select(item => item ?? "(null)")),
        _ => string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", value),
    };
}
