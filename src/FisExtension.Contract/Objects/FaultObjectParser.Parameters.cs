using System.Globalization;
using System.Text.Json;
using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Contract.Objects;

/// <summary>The <c>parameters</c> object: FIS writes every value as a string; numbers and booleans are accepted too,
/// each by the documented rule only.</summary>
public static partial class FaultObjectParser
{
    private static FaultParameters ReadParameters(JsonElement root, FaultKind? kind, List<string> problems)
    {
        var result = new FaultParameters();
        if (!root.TryGetProperty(Parameters, out var parameters))
        {
            if (kind == FaultKind.HttpIntegrationResponse)
            {
                problems.Add(MissingStatusCode);
            }

            return result;
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{Parameters} must be a JSON object of names and values, not {Describe(parameters.ValueKind)}.");
            return result;
        }

        CheckParameterNames(parameters, kind, problems);
        result.InvocationPercentage = ReadNumber(parameters, ParameterRules.Percentage, problems) ?? result.InvocationPercentage;
        switch (kind)
        {
            case FaultKind.StartDelay:
                result.StartupDelayMilliseconds = (int?)ReadNumber(parameters, ParameterRules.Delay, problems) ?? result.StartupDelayMilliseconds;
                break;
            case FaultKind.InvocationError:
                result.PreventExecution = ReadBoolean(parameters, PreventExecution, problems) ?? result.PreventExecution;
                break;
            case FaultKind.HttpIntegrationResponse:
                result.PreventExecution = ReadBoolean(parameters, PreventExecution, problems) ?? result.PreventExecution;
                result.ContentTypeHeader = ReadHeaderValue(parameters, ContentTypeHeader, problems) ?? result.ContentTypeHeader;
                if (!parameters.TryGetProperty(StatusCode, out _))
                {
                    problems.Add(MissingStatusCode);
                }
                else
                {
                    result.StatusCode = (int?)ReadNumber(parameters, ParameterRules.Status, problems) ?? result.StatusCode;
                }

                break;
        }

        return result;
    }

    private static string MissingStatusCode =>
        $"{Parameters}.{StatusCode} is missing. Add the HTTP status to return, from 000 to 999, e.g. \"503\".";

    private static double? ReadNumber(JsonElement parameters, NumberRule rule, List<string> problems)
    {
        if (!parameters.TryGetProperty(rule.Name, out var value))
        {
            return null;
        }

        string? text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

        if (text is null)
        {
            problems.Add($"{rule.Name} must be a string or a number, not {Describe(value.ValueKind)}. {rule.Hint}");
            return null;
        }

        if (rule.Check(text, Show(value), out var number) is { } problem)
        {
            problems.Add($"{rule.Name} {problem}");
            return null;
        }

        return number;
    }

    private static bool? ReadBoolean(JsonElement parameters, string name, List<string> problems)
    {
        if (!parameters.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when ParameterRules.CheckBoolean(value.GetString()!, Show(value), out var flag) is null:
                return flag;
            default:
                problems.Add($"{name} {Show(value)} is not true or false. {ParameterRules.BooleanHint}");
                return null;
        }
    }

    private static string? ReadHeaderValue(JsonElement parameters, string name, List<string> problems)
    {
        if (!parameters.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} {Show(value)} is not a media type. Use a non-empty string such as \"application/json\".");
            return null;
        }

        if (ParameterRules.CheckMediaType(value.GetString()!, Show(value), out var mediaType) is { } problem)
        {
            problems.Add($"{name} {problem}");
            return null;
        }

        return mediaType;
    }

    /// <summary>Parameter values with the contract's defaults (fis-lambda-actions.md §1, §5).</summary>
    private sealed class FaultParameters
    {
        public double InvocationPercentage { get; set; } = 100;

        public int StartupDelayMilliseconds { get; set; } = 1000;

        public bool PreventExecution { get; set; }

        public int StatusCode { get; set; }

        public string ContentTypeHeader { get; set; } = "application/json";

        public FaultDefinition ToDefinition(string key, string experimentId, string actionName, string actionId, FaultKind kind, DateTimeOffset start, DateTimeOffset end) => new()
        {
            Key = key,
            ExperimentId = experimentId,
            ActionName = actionName,
            ActionId = actionId,
            Kind = kind,
            StartTime = start,
            EndTime = end,
            InvocationPercentage = InvocationPercentage,
            StartupDelayMilliseconds = StartupDelayMilliseconds,
            PreventExecution = PreventExecution,
            StatusCode = StatusCode,
            ContentTypeHeader = ContentTypeHeader,
        };
    }
}
