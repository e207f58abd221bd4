using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Contract.Objects;

/// <summary>
/// The rules of every fault parameter (fis-lambda-actions.md §1, §5), one definition for the extension, which reads
/// objects, and fisctl, which checks templates before it writes them: a template fisctl accepts never becomes an
/// object the extension rejects. Problems are returned without the parameter's name in front.
/// </summary>
public static class ParameterRules
{
    public static readonly NumberRule Percentage = new(
        InvocationPercentage, MinInvocationPercentage, MaxInvocationPercentage, wholeOnly: false,
        hint: "Use a number from 1 to 100, e.g. \"50\".", aboveHint: "Use at most 100.", belowHint: "Use at least 1; to stop injecting, end the experiment.");

    public static readonly NumberRule Delay = new(
        StartupDelayMilliseconds, MinStartupDelayMilliseconds, MaxStartupDelayMilliseconds, wholeOnly: true,
        hint: "Use a whole number of milliseconds from 0 to 900000, e.g. \"2000\".", aboveHint: "Use at most 900000 (15 minutes).", belowHint: "Use 0 or more.");

    public static readonly NumberRule Status = new(
        StatusCode, MinStatusCode, MaxStatusCode, wholeOnly: true,
        hint: "Use a whole number from 000 to 999, e.g. \"503\".", aboveHint: "Use at most 999.", belowHint: "Use 000 or more.");

    public const string BooleanHint = "Use \"true\" or \"false\".";

    /// <summary>Exactly <c>true</c> or <c>false</c>, lowercase, as JSON writes them.</summary>
    public static string? CheckBoolean(string text, string written, out bool value)
    {
        value = text == "true";
        return text is "true" or "false" ? null : $"{written} is not true or false. {BooleanHint}";
    }

    /// <summary>A media type for the Content-Type header: it becomes an HTTP header value, so a control or non-ASCII
    /// character could split or break the response. Surrounding spaces are dropped.</summary>
    public static string? CheckMediaType(string text, string written, out string value)
    {
        value = text.Trim();
        if (value.Length == 0)
        {
            return $"{written} is not a media type. Use a non-empty string such as \"application/json\".";
        }

        return value.Any(c => c is < ' ' or > '~')
            ? $"{written} contains a character not allowed in an HTTP header. Use printable ASCII, such as \"text/plain; charset=utf-8\"."
            : null;
    }

    /// <summary>A parameter written as a string, as FIS templates write every value: what is wrong with it, or null.
    /// Names that are no fault parameter (<see cref="Duration"/>, unknown ones) are the caller's to check.</summary>
    public static string? CheckString(string name, string text)
    {
        var written = ShownText.JsonString(text);
        return name switch
        {
            InvocationPercentage => Percentage.Check(text, written, out _),
            StartupDelayMilliseconds => Delay.Check(text, written, out _),
            StatusCode => Status.Check(text, written, out _),
            PreventExecution => CheckBoolean(text, written, out _),
            ContentTypeHeader => CheckMediaType(text, written, out _),
            _ => null,
        };
    }
}
