using System.Text.Json;
using static FisExtension.Experiments.Templates.TemplateFields;

namespace FisExtension.Experiments.Templates;

public static partial class TemplateReader
{
    private static readonly string[] StopConditionFields = [Source, Value];
    private static readonly string[] ReportFields = [Outputs, DataSources, PreExperimentDuration, PostExperimentDuration];
    private static readonly string[] ExperimentOptionFields = [AccountTargeting, EmptyTargetResolutionMode];

    private static List<StopCondition>? ReadStopConditions(JsonElement root, ProblemCollector problems)
    {
        var path = JsonPath.Child(JsonPath.Root, StopConditions);
        if (!root.TryGetProperty(StopConditions, out var value))
        {
            problems.Add(path, $"is missing. FIS requires it; with no alarm write \"{StopConditions}\": [{{\"source\": \"none\"}}].");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Add(path, $"must be a non-empty array, not {ProblemCollector.Describe(value)}. With no alarm write [{{\"source\": \"none\"}}].");
            return null;
        }

        var conditions = new List<StopCondition>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            if (!problems.CheckObject(item, itemPath, StopConditionFields))
            {
                continue;
            }

            var source = problems.String(item, Source, itemPath, required: true, "\"none\"");
            var alarm = problems.String(item, Value, itemPath, required: false, "\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors\"");
            if (source == StopConditionAlarm && string.IsNullOrEmpty(alarm))
            {
                problems.Add(JsonPath.Child(itemPath, Value), $"is missing. A {StopConditionAlarm} stop condition names the alarm ARN.");
            }
            else if (source is not null && source != StopConditionAlarm && source != StopConditionNone)
            {
                problems.Add(JsonPath.Child(itemPath, Source), $"\"{source}\" is not a stop condition source. Use \"{StopConditionNone}\" or \"{StopConditionAlarm}\".");
            }
            else if (source is not null)
            {
                conditions.Add(new StopCondition(source, alarm));
            }
        }

        return conditions;
    }

    private static ReportWindows? ReadReportWindows(JsonElement root, ProblemCollector problems)
    {
        var path = JsonPath.Child(JsonPath.Root, ExperimentReportConfiguration);
        if (!root.TryGetProperty(ExperimentReportConfiguration, out var report) || !problems.CheckObject(report, path, ReportFields))
        {
            return null;
        }

        return new ReportWindows(
            ReadWindow(report, PreExperimentDuration, path, problems),
            ReadWindow(report, PostExperimentDuration, path, problems));
    }

    private static TimeSpan ReadWindow(JsonElement report, string name, string path, ProblemCollector problems)
    {
        var text = problems.String(report, name, path, required: false, "\"PT20M\"");
        if (text is null)
        {
            return ReportWindows.DefaultWindow;
        }

        if (!Iso8601Duration.TryParse(text, out var window))
        {
            problems.Add(JsonPath.Child(path, name), $"\"{text}\" is not an ISO 8601 duration. Write it like \"PT20M\".");
        }

        return window;
    }

    /// <summary>True when empty targets are skipped rather than failing the experiment (FIS's default is <c>fail</c>).</summary>
    private static bool ReadExperimentOptions(JsonElement root, ProblemCollector problems)
    {
        var path = JsonPath.Child(JsonPath.Root, ExperimentOptions);
        if (!root.TryGetProperty(ExperimentOptions, out var options) || !problems.CheckObject(options, path, ExperimentOptionFields))
        {
            return false;
        }

        var accounts = problems.String(options, AccountTargeting, path, required: false, $"\"{SingleAccount}\"");
        if (accounts is not null && accounts != SingleAccount)
        {
            problems.Add(JsonPath.Child(path, AccountTargeting), $"\"{accounts}\" is not supported. fisctl runs in one account: use \"{SingleAccount}\".");
        }

        var empty = problems.String(options, EmptyTargetResolutionMode, path, required: false, $"\"{EmptyTargetsFail}\"");
        if (empty is not null && empty != EmptyTargetsFail && empty != EmptyTargetsSkip)
        {
            problems.Add(JsonPath.Child(path, EmptyTargetResolutionMode), $"\"{empty}\" is not a mode. Use \"{EmptyTargetsFail}\" or \"{EmptyTargetsSkip}\".");
        }

        return empty == EmptyTargetsSkip;
    }
}
