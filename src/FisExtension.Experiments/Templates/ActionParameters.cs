using System.Globalization;

namespace FisExtension.Experiments.Templates;

/// <summary>
/// The parameters of the three Lambda actions (and of <c>aws:fis:wait</c>), with the ranges of fis-lambda-actions.md §1 and the README's Faults table.
/// The extension's v1 parser checks the same ranges on the objects it reads; both are to move to the one shared
/// contract definition (architecture.md).
/// </summary>
public static class ActionParameters
{
    public const string Duration = "duration";
    public const string InvocationPercentage = "invocationPercentage";
    public const string StartupDelayMilliseconds = "startupDelayMilliseconds";
    public const string PreventExecution = "preventExecution";
    public const string StatusCode = "statusCode";
    public const string ContentTypeHeader = "contentTypeHeader";

    /// <summary>A v1 object spans at most 12 hours (README, object schema v1), so an action runs at most that long.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(12);

    private static readonly ParameterRule DurationRule = new(Duration, Required: true, "\"PT5M\"", CheckDuration);

    private static readonly ParameterRule PercentageRule = new(InvocationPercentage, Required: false, "\"50\"",
        value => CheckNumber(value, 1, 100, wholeOnly: false, "Use a number from 1 to 100, e.g. \"50\"."));

    private static readonly ParameterRule DelayRule = new(StartupDelayMilliseconds, Required: false, "\"2000\"",
        value => CheckNumber(value, 0, 900_000, wholeOnly: true, "Use a whole number of milliseconds from 0 to 900000 (15 minutes), e.g. \"2000\"."));

    private static readonly ParameterRule PreventExecutionRule = new(PreventExecution, Required: false, "\"true\"", CheckBoolean);

    private static readonly ParameterRule StatusCodeRule = new(StatusCode, Required: true, "\"503\"",
        value => CheckNumber(value, 0, 999, wholeOnly: true, "Use a whole number from 000 to 999, e.g. \"503\"."));

    private static readonly ParameterRule ContentTypeRule = new(ContentTypeHeader, Required: false, "\"application/json\"", CheckMediaType);

    public static IReadOnlyDictionary<string, IReadOnlyList<ParameterRule>> ByActionId { get; } = new Dictionary<string, IReadOnlyList<ParameterRule>>
    {
        [LambdaActionIds.AddDelay] = [DurationRule, PercentageRule, DelayRule],
        [LambdaActionIds.InvocationError] = [DurationRule, PercentageRule, PreventExecutionRule],
        [LambdaActionIds.HttpIntegrationResponse] = [DurationRule, PercentageRule, PreventExecutionRule, StatusCodeRule, ContentTypeRule],
        [FisActionIds.Wait] = [DurationRule],
    };

    private static string? CheckDuration(string value)
    {
        if (!Iso8601Duration.TryParse(value, out var duration))
        {
            return $"\"{value}\" is not an ISO 8601 duration. Write it like \"PT5M\", \"PT1H30M\" or \"PT0.5S\".";
        }

        if (duration <= TimeSpan.Zero)
        {
            return $"\"{value}\" is zero. An action must run for some time, e.g. \"PT1M\".";
        }

        return duration > MaxDuration ? $"\"{value}\" is above PT12H. An action runs at most 12 hours." : null;
    }

    private static string? CheckNumber(string value, double min, double max, bool wholeOnly, string hint)
    {
        if (!double.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var number))
        {
            return $"\"{value}\" is not a number. {hint}";
        }

        if (wholeOnly && number != Math.Floor(number))
        {
            return $"\"{value}\" is not a whole number. {hint}";
        }

        if (number > max)
        {
            return $"\"{value}\" is above {max.ToString(CultureInfo.InvariantCulture)}. {hint}";
        }

        return number < min ? $"\"{value}\" is below {min.ToString(CultureInfo.InvariantCulture)}. {hint}" : null;
    }

    private static string? CheckBoolean(string value) =>
        bool.TryParse(value.Trim(), out _) ? null : $"\"{value}\" is not true or false. Use \"true\" or \"false\".";

    // It becomes an HTTP header value: a control or non-ASCII character could split or break the response.
    private static string? CheckMediaType(string value) =>
        string.IsNullOrWhiteSpace(value) ? "is empty. Use a media type such as \"application/json\"."
        : value.Any(c => c is < ' ' or > '~') ? $"\"{value}\" contains a character not allowed in an HTTP header. Use printable ASCII, such as \"text/plain; charset=utf-8\"."
        : null;
}
