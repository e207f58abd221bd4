using System.Globalization;
using System.Text.Json;
using FisExtension.Faults;
using static FisExtension.Configuration.FaultObjectSchema;

namespace FisExtension.Configuration;

/// <summary>The <c>parameters</c> object: FIS writes every value as a string; numbers and booleans are accepted too,
/// each by the documented rule only.</summary>
internal static partial class FaultObjectParser
{
    private static readonly NumberRule PercentageRule = new(
        InvocationPercentage, MinInvocationPercentage, MaxInvocationPercentage, WholeOnly: false,
        Hint: "Use a number from 1 to 100, e.g. \"50\".", AboveHint: "Use at most 100.", BelowHint: "Use at least 1; to stop injecting, end the experiment.");

    private static readonly NumberRule DelayRule = new(
        StartupDelayMilliseconds, MinStartupDelayMilliseconds, MaxStartupDelayMilliseconds, WholeOnly: true,
        Hint: "Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".", AboveHint: "Use at most 900000 (15 minutes).", BelowHint: "Use 0 or more.");

    private static readonly NumberRule StatusCodeRule = new(
        StatusCode, MinStatusCode, MaxStatusCode, WholeOnly: true,
        Hint: "Use a whole number from 000 to 999, e.g. \"503\".", AboveHint: "Use at most 999.", BelowHint: "Use 000 or more.");

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
        result.InvocationPercentage = ReadNumber(parameters, PercentageRule, problems) ?? result.InvocationPercentage;
        switch (kind)
        {
            case FaultKind.StartDelay:
                result.StartupDelayMilliseconds = (int?)ReadNumber(parameters, DelayRule, problems) ?? result.StartupDelayMilliseconds;
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
                    result.StatusCode = (int?)ReadNumber(parameters, StatusCodeRule, problems) ?? result.StatusCode;
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

        // Only plain decimal digits, as the contract documents them: "1e3", " 5", "+5" or "0x10" would each be
        // accepted by a general number parser, and each is more likely a mistake than a value someone meant.
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        if (!IsPlainDecimal(digits) || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            problems.Add(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var general) && double.IsFinite(general)
                ? $"{rule.Name} {Show(value)} is not written in plain digits (no exponent, sign or spaces). {rule.Hint}"
                : $"{rule.Name} {Show(value)} is not a number. {rule.Hint}");
            return null;
        }

        var shown = Shorten(text, 64, "", "");
        if (negative)
        {
            problems.Add($"{rule.Name} {shown} has a minus sign. {rule.BelowHint}");
            return null;
        }

        if (rule.WholeOnly && digits.Contains('.', StringComparison.Ordinal))
        {
            problems.Add($"{rule.Name} {shown} is not written as a whole number. {rule.Hint}");
            return null;
        }

        if (number > rule.Max)
        {
            problems.Add($"{rule.Name} {shown} is above {rule.Max.ToString(CultureInfo.InvariantCulture)}. {rule.AboveHint}");
            return null;
        }

        if (number < rule.Min)
        {
            problems.Add($"{rule.Name} {shown} is below {rule.Min.ToString(CultureInfo.InvariantCulture)}. {rule.BelowHint}");
            return null;
        }

        return number;
    }

    /// <summary>Digits, then optionally a point and more digits: <c>5</c>, <c>000</c>, <c>12.5</c>.</summary>
    private static bool IsPlainDecimal(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "1" : text[(point + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit);
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
            case JsonValueKind.String when value.ValueEquals("true"):
                return true;
            case JsonValueKind.String when value.ValueEquals("false"):
                return false;
            default:
                problems.Add($"{name} {Show(value)} is not true or false. Use \"true\" or \"false\".");
                return null;
        }
    }

    private static string? ReadHeaderValue(JsonElement parameters, string name, List<string> problems)
    {
        if (!parameters.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{name} {Show(value)} is not a media type. Use a non-empty string such as \"application/json\".");
            return null;
        }

        // It becomes an HTTP header value: a control or non-ASCII character could split or break the response.
        var text = value.GetString()!.Trim();
        if (text.Any(c => c is < ' ' or > '~'))
        {
            problems.Add($"{name} {Show(value)} contains a character not allowed in an HTTP header. Use printable ASCII, such as \"text/plain; charset=utf-8\".");
            return null;
        }

        return text;
    }

    private sealed record NumberRule(string Name, double Min, double Max, bool WholeOnly, string Hint, string AboveHint, string BelowHint);

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
