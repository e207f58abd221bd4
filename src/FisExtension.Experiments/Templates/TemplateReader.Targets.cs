using System.Text.Json;
using System.Text.RegularExpressions;
using static FisExtension.Experiments.Templates.TemplateFields;

namespace FisExtension.Experiments.Templates;

public static partial class TemplateReader
{
    private static readonly string[] TargetFields = [ResourceType, ResourceArns, ResourceTags, TemplateFields.SelectionMode, Filters, Parameters];

    private static SortedDictionary<string, TemplateTarget>? ReadTargets(JsonElement root, ProblemCollector problems)
    {
        var path = JsonPath.Child(JsonPath.Root, Targets);
        if (!root.TryGetProperty(Targets, out var targets))
        {
            problems.Add(path, "is missing. Name the functions to act on, e.g. \"targets\": {\"Functions\": {\"resourceType\": \"aws:lambda:function\", \"resourceArns\": [\"arn:aws:lambda:us-east-1:123456789012:function:orders\"], \"selectionMode\": \"ALL\"}}.");
            return null;
        }

        if (!problems.CheckMap(targets, path))
        {
            return null;
        }

        var result = new SortedDictionary<string, TemplateTarget>(StringComparer.Ordinal);
        foreach (var property in targets.EnumerateObject())
        {
            var targetPath = JsonPath.Child(path, property.Name);
            CheckName(property.Name, targetPath, problems);
            if (ReadTarget(property.Name, property.Value, targetPath, problems) is { } target)
            {
                result[property.Name] = target;
            }
        }

        return result;
    }

    private static TemplateTarget? ReadTarget(string name, JsonElement target, string path, ProblemCollector problems)
    {
        if (!problems.CheckObject(target, path, TargetFields))
        {
            return null;
        }

        var before = problems.Problems.Count;
        var resourceType = problems.String(target, ResourceType, path, required: true, $"\"{LambdaFunctionResourceType}\"");
        if (resourceType is not null && resourceType != LambdaFunctionResourceType)
        {
            problems.Add(JsonPath.Child(path, ResourceType), $"\"{resourceType}\" is not supported. fisctl acts on Lambda functions: use \"{LambdaFunctionResourceType}\".");
        }

        var modeText = problems.String(target, TemplateFields.SelectionMode, path, required: true, "\"ALL\"");
        var mode = modeText is null ? null : Templates.SelectionMode.Parse(modeText, out var modeProblem) ?? Report(problems, JsonPath.Child(path, TemplateFields.SelectionMode), modeProblem!);

        foreach (var unsupported in new[] { Filters, Parameters }.Where(field => target.TryGetProperty(field, out _)))
        {
            problems.Add(JsonPath.Child(path, unsupported), $"is not supported by fisctl for Lambda functions. Select functions with {ResourceArns} or {ResourceTags}.");
        }

        var hasArns = target.TryGetProperty(ResourceArns, out var arnsValue);
        var hasTags = target.TryGetProperty(ResourceTags, out var tagsValue);
        if (hasArns == hasTags)
        {
            problems.Add(path, hasArns
                ? $"has both {ResourceArns} and {ResourceTags}. FIS takes one of them: keep one."
                : $"selects no function. Add {ResourceArns} (function ARNs) or {ResourceTags} (tags every function must carry).");
        }

        var arns = hasArns ? ReadArns(arnsValue, JsonPath.Child(path, ResourceArns), problems) : [];
        var tags = hasTags ? problems.StringMap(tagsValue, JsonPath.Child(path, ResourceTags)) ?? [] : [];
        if (hasTags && tags.Count == 0 && tagsValue.ValueKind == JsonValueKind.Object)
        {
            problems.Add(JsonPath.Child(path, ResourceTags), "is empty: it would select every function. Name at least one tag, e.g. {\"FISExperimentReady\": \"Yes\"}.");
        }

        return problems.Problems.Count > before || mode is null
            ? null
            : new TemplateTarget { Name = name, ResourceArns = arns, ResourceTags = tags, SelectionMode = mode };
    }

    private static List<string> ReadArns(JsonElement value, string path, ProblemCollector problems)
    {
        var arns = new List<string>();
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Add(path, $"must be a non-empty array of function ARNs, not {ProblemCollector.Describe(value)}.");
            return arns;
        }

        if (value.GetArrayLength() > MaxResourceArns)
        {
            problems.Add(path, $"has {value.GetArrayLength()} ARNs; FIS takes at most {MaxResourceArns} per target. Split them into more targets, or select by {ResourceTags}.");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            if (item.ValueKind != JsonValueKind.String || !FunctionArn().IsMatch(item.GetString()!))
            {
                problems.Add(itemPath, $"{ProblemCollector.Describe(item)} is not a Lambda function ARN. Use arn:aws:lambda:<region>:<account>:function:<name>, without a version or alias.");
            }
            else if (arns.Contains(item.GetString()!, StringComparer.Ordinal))
            {
                problems.Add(itemPath, $"\"{item.GetString()}\" is listed twice. Keep one.");
            }
            else
            {
                arns.Add(item.GetString()!);
            }
        }

        return arns;
    }

    private static SelectionMode? Report(ProblemCollector problems, string path, string problem)
    {
        problems.Add(path, problem);
        return null;
    }

    /// <summary>Names become part of configuration object keys (<c>&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>).</summary>
    private static void CheckName(string name, string path, ProblemCollector problems)
    {
        if (name.Length is 0 or > MaxNameLength || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\'))
        {
            problems.Add(path, $"\"{name}\" is not a usable name. Use 1 to {MaxNameLength} characters without spaces or slashes, e.g. \"inject-delay\".");
        }
    }

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionArn();
}
