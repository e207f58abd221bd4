using System.Text.Json;
using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Contract.Objects;

/// <summary>
/// Strict names: a field or parameter schema v1 does not know is a mistake to report, not to ignore. A misspelt
/// <c>invocationPercent</c> silently taking the default of 100 % is the failure this prevents.
/// </summary>
public static partial class FaultObjectParser
{
    private static void CheckFieldNames(JsonElement root, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in root.EnumerateObject())
        {
            if (!seen.Add(field.Name))
            {
                problems.Add($"field {Quote(field.Name)} appears more than once. Keep one.");
            }
            else if (!Fields.Contains(field.Name, StringComparer.Ordinal))
            {
                problems.Add(ClosestName.Find(field.Name, Fields) is { } meant
                    ? $"{Quote(field.Name)} is not a field of schema v1; did you mean {Quote(meant)}? Field names are case-sensitive."
                    : $"{Quote(field.Name)} is not a field of schema v1. Remove it; the fields are {string.Join(", ", Fields)}.");
            }
        }
    }

    /// <summary>With an unknown or missing action, the parameters are checked against those of every action.</summary>
    private static void CheckParameterNames(JsonElement parameters, FaultKind? kind, List<string> problems)
    {
        var own = kind is { } known ? ParametersOf(known) : AllParameters;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters.EnumerateObject())
        {
            var name = parameter.Name;
            if (!seen.Add(name))
            {
                problems.Add($"{Parameters}.{Quote(name)} appears more than once. Keep one.");
            }
            else if (name == Duration || own.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }
            else if (kind is { } action && AllParameters.Contains(name, StringComparer.Ordinal))
            {
                problems.Add($"{Parameters}.{Quote(name)} is not a parameter of {ActionIdOf(action)}, whose parameters are {string.Join(", ", own)}. Remove it, or check {ActionId}.");
            }
            else
            {
                problems.Add(ClosestName.Find(name, own) is { } meant
                    ? $"{Parameters}.{Quote(name)} is not a parameter; did you mean {Quote(meant)}? Parameter names are case-sensitive."
                    : $"{Parameters}.{Quote(name)} is not a parameter. Remove it; the parameters are {string.Join(", ", own)} ({Duration} is allowed and ignored).");
            }
        }
    }

    private static string ActionIdOf(FaultKind kind) => kind switch
    {
        FaultKind.StartDelay => FaultActionIds.AddDelay,
        FaultKind.InvocationError => FaultActionIds.InvocationError,
        _ => FaultActionIds.HttpIntegrationResponse,
    };

    /// <summary>A name as a JSON string, cut short and with control characters escaped, safe in a log line.</summary>
    private static string Quote(string name) => ShownText.Shorten(JsonEncodedText.Encode(name).ToString(), ShownText.MaxLength, "\"", "\"");
}
