using System.Text.Json;
using static FisExtension.Experiments.Templates.TemplateFields;

namespace FisExtension.Experiments.Templates;

/// <summary>
/// Reads an experiment template in the FIS <c>CreateExperimentTemplate</c> shape and checks all of it at once:
/// every problem is named by its JSON path, unknown fields get a "did you mean", and nothing is returned unless the
/// whole template is valid (conventions.md §6).
/// </summary>
public static partial class TemplateReader
{
    private static readonly string[] TopLevelFields =
        [ClientToken, Description, Targets, Actions, StopConditions, RoleArn, Tags, LogConfiguration, ExperimentOptions, ExperimentReportConfiguration];

    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    public static TemplateReadResult Read(ReadOnlyMemory<byte> json)
    {
        // Editors on Windows save UTF-8 with a byte order mark; the AWS CLI reads such files, so fisctl does too.
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}, byte {exception.BytePositionInLine + 1}" : "";
            return Invalid(new TemplateProblem(JsonPath.Root, $"is not valid JSON{where}. {FirstSentence(exception.Message)}"));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static TemplateReadResult Read(JsonElement root)
    {
        var problems = new ProblemCollector();
        if (!problems.CheckObject(root, JsonPath.Root, TopLevelFields))
        {
            return new TemplateReadResult(null, problems.Problems);
        }

        var description = problems.String(root, Description, JsonPath.Root, required: true, "\"Slow down the orders functions\"");
        problems.String(root, RoleArn, JsonPath.Root, required: false, "\"arn:aws:iam::123456789012:role/fis\"");
        problems.String(root, ClientToken, JsonPath.Root, required: false, "\"token\"");
        var targets = ReadTargets(root, problems);
        // Declared names, valid or not: an action naming a broken target should not get a second, misleading problem.
        var targetNames = root.TryGetProperty(Targets, out var declared) && declared.ValueKind == JsonValueKind.Object
            ? declared.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : null;
        var actions = ReadActions(root, targetNames, problems);
        var stopConditions = ReadStopConditions(root, problems);
        var tags = root.TryGetProperty(Tags, out var tagsValue) ? problems.StringMap(tagsValue, JsonPath.Child(JsonPath.Root, Tags)) : [];
        var reportWindows = ReadReportWindows(root, problems);
        var skipEmptyTargets = ReadExperimentOptions(root, problems);
        if (root.TryGetProperty(LogConfiguration, out var logConfiguration))
        {
            problems.CheckMap(logConfiguration, JsonPath.Child(JsonPath.Root, LogConfiguration));
        }

        if (problems.Problems.Count > 0)
        {
            return new TemplateReadResult(null, problems.Problems);
        }

        return new TemplateReadResult(new ExperimentTemplate
        {
            Description = description!,
            Targets = targets!,
            Actions = actions!,
            StopConditions = stopConditions!,
            RoleArn = root.TryGetProperty(RoleArn, out var role) ? role.GetString() : null,
            Tags = tags!,
            ReportWindows = reportWindows,
            SkipEmptyTargets = skipEmptyTargets,
        }, []);
    }

    private static TemplateReadResult Invalid(TemplateProblem problem) => new(null, [problem]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
