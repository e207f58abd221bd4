using System.Text.Json;

namespace FisExtension.Experiments.Templates;

/// <summary>Collects every problem of a template and reads typed JSON values, naming each problem by its path.</summary>
internal sealed class ProblemCollector
{
    private readonly List<TemplateProblem> _problems = [];

    public IReadOnlyList<TemplateProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new TemplateProblem(path, message));

    /// <summary>True when <paramref name="value"/> is an object; names unknown fields (with a suggestion) and duplicates.</summary>
    public bool CheckObject(JsonElement value, string path, IReadOnlyCollection<string> knownFields)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be a JSON object, not {Describe(value)}.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = JsonPath.Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(propertyPath, "appears twice. Keep one.");
            }
            else if (!knownFields.Contains(property.Name))
            {
                var suggestion = ClosestName.Find(property.Name, knownFields);
                Add(propertyPath, suggestion is null
                    ? $"is not a known field. Known fields here: {string.Join(", ", knownFields)}."
                    : $"is not a known field. Did you mean \"{suggestion}\"?");
            }
        }

        return true;
    }

    /// <summary>Checks an object whose keys are names the user chooses (targets, actions): only duplicates are wrong.</summary>
    public bool CheckMap(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"must be a JSON object, not {Describe(value)}.");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject().Where(p => !seen.Add(p.Name)))
        {
            Add(JsonPath.Child(path, property.Name), "appears twice. Names must be unique.");
        }

        return true;
    }

    public string? String(JsonElement parent, string name, string parentPath, bool required, string example)
    {
        var path = JsonPath.Child(parentPath, name);
        if (!parent.TryGetProperty(name, out var value))
        {
            if (required)
            {
                Add(path, $"is missing. Add it, e.g. \"{name}\": {example}.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, $"must be a string, not {Describe(value)}. Write it in quotes, e.g. {example}.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A JSON object of string values (tags, parameters); null when absent or wrong, with the problems added.</summary>
    public Dictionary<string, string>? StringMap(JsonElement value, string path)
    {
        if (!CheckMap(value, path))
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString()!;
            }
            else
            {
                // FIS takes string values only: "50", not 50 (CreateExperimentTemplate, String to string map).
                var example = property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                    ? $"\"{property.Value.GetRawText()}\""
                    : "\"text\"";
                Add(JsonPath.Child(path, property.Name), $"must be a string, not {Describe(property.Value)}. FIS takes string values: write {example}.");
            }
        }

        return map;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => "null",
    };
}
