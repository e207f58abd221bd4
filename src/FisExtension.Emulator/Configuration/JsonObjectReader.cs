using System.Globalization;
using System.Text.Json;

namespace FisExtension.Emulator.Configuration;

/// <summary>Reads one JSON object of a configuration file strictly, without reflection: every field is checked for its
/// name (unknown and repeated names are problems), its type and its range, and every problem is collected with its
/// JSON path and its fix, so that the whole file is judged at once (conventions.md §6).</summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<string> _problems;

    private JsonObjectReader(JsonElement element, string path, List<string> problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    /// <summary>A reader of <paramref name="element"/> when it is an object, whose field names must all be in
    /// <paramref name="fields"/> (any name when null); otherwise null and a problem.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, string what, IReadOnlyCollection<string>? fields, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be {what} (a JSON object), not {Describe(element)}.");
            return null;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name)) problems.Add($"{FieldPath(path, property.Name)} appears twice. Keep one of them.");
            else if (fields is not null && !fields.Contains(property.Name))
                problems.Add($"{FieldPath(path, property.Name)} is not a field of {what}. {Suggestion(property.Name, fields)}");
        }
        return new JsonObjectReader(element, path, problems);
    }

    public string PathOf(string name) => FieldPath(Path, name);

    public void Problem(string problem) => _problems.Add(problem);

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public IEnumerable<JsonProperty> Properties() => _element.EnumerateObject();

    public JsonElement? Element(string name) => _element.TryGetProperty(name, out var value) ? value : null;

    public string? String(string name, bool required = false, Func<string, string?>? rule = null)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            if (required) _problems.Add($"{PathOf(name)} is required.");
            return null;
        }
        return StringValue(value, PathOf(name), rule);
    }

    /// <summary>A number above <paramref name="above"/> and at most <paramref name="max"/>.</summary>
    public double? Number(string name, double above, double max, string unit)
    {
        if (!_element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number)
        {
            _problems.Add($"{PathOf(name)} must be a number of {unit}, not {Describe(value)}. Write e.g. {FormatNumber(Math.Min(max, above + 1))}.");
            return null;
        }
        var number = value.GetDouble();
        if (number <= above || number > max)
        {
            _problems.Add($"{PathOf(name)} {FormatNumber(number)} is out of range. Use {RangeText(above, max)} {unit}.");
            return null;
        }
        return number;
    }

    public int? Integer(string name, int min, int max, string unit)
    {
        if (!_element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var whole))
        {
            _problems.Add($"{PathOf(name)} must be a whole number of {unit}, not {Describe(value)}. Write e.g. {min}.");
            return null;
        }
        if (whole < min || whole > max)
        {
            _problems.Add($"{PathOf(name)} {whole} is out of range. Use {min} to {max} {unit}.");
            return null;
        }
        return (int)whole;
    }

    public List<string>? Strings(string name, int minItems, int maxItems, Func<string, string?>? rule = null)
    {
        if (!_element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add($"{PathOf(name)} must be an array of strings, not {Describe(value)}. Write e.g. [\"…\"].");
            return null;
        }
        var count = value.GetArrayLength();
        if (count < minItems || count > maxItems)
        {
            _problems.Add($"{PathOf(name)} has {count} items. Give {minItems} to {maxItems}.");
            return null;
        }
        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (StringValue(item, $"{PathOf(name)}[{index++}]", rule) is { } text) items.Add(text);
        }
        return items.Count == count ? items : null;
    }

    /// <summary>An object of string values (numbers and booleans taken as their text when <paramref name="scalarsAsText"/>).</summary>
    public Dictionary<string, string>? StringMap(string name, bool scalarsAsText, Func<string, string?>? keyRule = null, Func<string, string?>? valueRule = null)
    {
        if (!_element.TryGetProperty(name, out var value)) return null;
        if (Open(value, PathOf(name), $"a map of {name}", null, _problems) is not { } map) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var property in map.Properties())
        {
            var path = map.PathOf(property.Name);
            if (keyRule?.Invoke(property.Name) is { } keyProblem)
            {
                _problems.Add($"{path}: {keyProblem}");
                valid = false;
                continue;
            }
            var kind = property.Value.ValueKind;
            var text = kind == JsonValueKind.String ? property.Value.GetString()
                : scalarsAsText && kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? property.Value.GetRawText()
                : null;
            if (text is null)
            {
                _problems.Add($"{path} must be a string{(scalarsAsText ? ", a number or a boolean" : "")}, not {Describe(property.Value)}.");
                valid = false;
            }
            else if (valueRule?.Invoke(text) is { } valueProblem)
            {
                _problems.Add($"{path}: {valueProblem}");
                valid = false;
            }
            else
            {
                result[property.Name] = text;
            }
        }
        return valid ? result : null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private string? StringValue(JsonElement value, string path, Func<string, string?>? rule)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Add($"{path} must be a string, not {Describe(value)}.");
            return null;
        }
        var text = value.GetString()!;
        if (text.Length == 0)
        {
            _problems.Add($"{path} is empty. Give a value or leave the field out.");
            return null;
        }
        if (rule?.Invoke(text) is { } problem)
        {
            _problems.Add($"{path}: {problem}");
            return null;
        }
        return text;
    }

    private static string FieldPath(string path, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}[\"{name}\"]";

    private static string Suggestion(string name, IReadOnlyCollection<string> fields)
    {
        var closest = fields.MinBy(field => Distance(name.ToUpperInvariant(), field.ToUpperInvariant()));
        return closest is not null && Distance(name.ToUpperInvariant(), closest.ToUpperInvariant()) <= 2
            ? $"Did you mean {closest}? (Field names are case-sensitive.)"
            : $"Remove it, or use one of: {string.Join(", ", fields)}.";
    }

    /// <summary>Levenshtein distance, for "did you mean".</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    public static string RangeText(double above, double max) => $"more than {FormatNumber(above)} and at most {FormatNumber(max)}";

    public static string FormatNumber(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
