using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Contract.Objects;

/// <summary>
/// Reads one v1 fault configuration object and checks every rule of the contract at once. Any byte string yields a
/// definition, an unknown action, or a list of problems that each say how to fix them; it never throws.
/// </summary>
public static partial class FaultObjectParser
{
    private const string TimeExample = "\"2026-11-25T10:00:00Z\"";
    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static FaultObjectParseResult Parse(string key, ReadOnlyMemory<byte> utf8)
    {
        // JsonDocument only checks UTF-8 when a string is read; checking up front keeps every later read safe.
        if (!Utf8.IsValid(utf8.Span))
        {
            return Invalid("the object is not valid UTF-8 text. Save it as UTF-8 JSON.");
        }

        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // The exception's message quotes the input, which may be long or hold line breaks: only the place is kept.
            return Invalid(string.Create(CultureInfo.InvariantCulture,
                $"the object is not valid JSON (error at line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}). Write one JSON object; a JSON validator shows the mistake."));
        }

        using (document)
        {
            return Parse(key, document.RootElement);
        }
    }

    private static FaultObjectParseResult Parse(string key, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid($"the object must be a JSON object {{ ... }}, not {Describe(root.ValueKind)}.");
        }

        var problems = new List<string>();
        if (!CheckSchemaVersion(root, problems))
        {
            // Another version may mean other fields: its v1 problems would only be noise.
            return FaultObjectParseResult.Invalid(problems);
        }

        CheckFieldNames(root, problems);
        var experimentId = RequireString(root, ExperimentId, problems);
        var actionName = RequireString(root, ActionName, problems);
        var actionId = RequireString(root, ActionId, problems);
        var kind = actionId is null ? null : FaultActionIds.ToKind(actionId);
        if (actionId is not null && kind is null)
        {
            return FaultObjectParseResult.Unknown(actionId);
        }

        var startTime = RequireTime(root, StartTime, problems);
        var endTime = RequireTime(root, EndTime, problems);
        CheckSpan(startTime, endTime, problems);

        var parameters = ReadParameters(root, kind, problems);
        if (problems.Count > 0)
        {
            return FaultObjectParseResult.Invalid(problems);
        }

        return FaultObjectParseResult.Valid(parameters.ToDefinition(key, experimentId!, actionName!, actionId!, kind!.Value, startTime!.Value, endTime!.Value));
    }

    private static bool CheckSchemaVersion(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty(SchemaVersion, out var version))
        {
            problems.Add($"{SchemaVersion} is missing. Add \"{SchemaVersion}\": {SupportedVersion}.");
            return true;
        }

        if (version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) && number == SupportedVersion)
        {
            return true;
        }

        problems.Add($"{SchemaVersion} {Show(version)} is not supported. Use {SupportedVersion}.");
        return false;
    }

    private static string? RequireString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problems.Add($"{name} is missing. Add it as a string.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string, not {Describe(value.ValueKind)}.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{name} is empty. Give it a value.");
            return null;
        }

        return text;
    }

    private static DateTimeOffset? RequireTime(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problems.Add($"{name} is missing. Add it in RFC 3339 UTC, e.g. {TimeExample}.");
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || !DateTimeOffset.TryParseExact(text, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            problems.Add($"{name} {Show(value)} is not an RFC 3339 UTC time. Write it like {TimeExample}.");
            return null;
        }

        // A time in the wrong zone is still a time: returned, so that the span is checked too and every problem
        // of the object is reported at once. The object is rejected by the problem added here.
        var hasOffset = text.Length >= 6 && text[^6] is '+' or '-' && text[^3] == ':';
        if (text[^1] != 'Z' && !(hasOffset && time.Offset == TimeSpan.Zero))
        {
            problems.Add(hasOffset
                ? $"{name} {Show(value)} is not in UTC. Convert it to UTC and end it with Z, like {TimeExample}."
                : $"{name} {Show(value)} has no time zone. End it with Z for UTC, like {TimeExample}.");
        }

        return time.ToUniversalTime();
    }

    private static void CheckSpan(DateTimeOffset? startTime, DateTimeOffset? endTime, List<string> problems)
    {
        if (startTime is not { } start || endTime is not { } end)
        {
            return;
        }

        if (end <= start)
        {
            problems.Add($"{EndTime} {Format(end)} is not after {StartTime} {Format(start)}. Set {EndTime} later than {StartTime}.");
        }
        else if (end - start > MaxSpan)
        {
            var span = end - start;
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"the span from {StartTime} to {EndTime} is {(long)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00} (h:mm:ss), above 12 hours. Move {EndTime} to at most 12 hours after {StartTime}."));
        }
    }

    private static FaultObjectParseResult Invalid(string problem) => FaultObjectParseResult.Invalid([problem]);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>A value as written in the object, cut short so that one bad value cannot flood the log line.</summary>
    private static string Show(JsonElement value) => ShownText.Json(value.GetRawText());

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
