using System.Text.Json;
using static FisExtension.Experiments.Templates.TemplateFields;

namespace FisExtension.Experiments.Templates;

public static partial class TemplateReader
{
    private static readonly string[] ActionFields = [ActionId, Description, Parameters, Targets, StartAfter];
    private static readonly string[] ActionTargetKeys = [FunctionsTargetKey];

    private static SortedDictionary<string, TemplateAction>? ReadActions(JsonElement root, HashSet<string>? targetNames, ProblemCollector problems)
    {
        var path = JsonPath.Child(JsonPath.Root, Actions);
        if (!root.TryGetProperty(Actions, out var actions))
        {
            problems.Add(path, $"is missing. Add at least one action, e.g. \"actions\": {{\"inject-delay\": {{\"actionId\": \"{FaultActionIds.AddDelay}\", \"parameters\": {{\"duration\": \"PT5M\"}}, \"targets\": {{\"Functions\": \"Functions\"}}}}}}.");
            return null;
        }

        if (!problems.CheckMap(actions, path))
        {
            return null;
        }

        if (!actions.EnumerateObject().Any())
        {
            problems.Add(path, "is empty. Add at least one action.");
        }

        var actionNames = actions.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var result = new SortedDictionary<string, TemplateAction>(StringComparer.Ordinal);
        foreach (var property in actions.EnumerateObject())
        {
            var actionPath = JsonPath.Child(path, property.Name);
            CheckName(property.Name, actionPath, problems);
            if (ReadAction(property.Name, property.Value, actionPath, targetNames, actionNames, problems) is { } action)
            {
                result[property.Name] = action;
            }
        }

        foreach (var cycle in StartAfterGraph.FindCycles(actions.EnumerateObject().ToDictionary(p => p.Name, p => StartAfterNames(p.Value), StringComparer.Ordinal)))
        {
            problems.Add(JsonPath.Child(JsonPath.Child(path, cycle[0]), StartAfter),
                $"forms a cycle ({string.Join(" → ", cycle.Append(cycle[0]))}): none of these actions could ever start. Remove one of the {StartAfter} entries.");
        }

        return result;
    }

    private static TemplateAction? ReadAction(string name, JsonElement action, string path, HashSet<string>? targetNames, HashSet<string> actionNames, ProblemCollector problems)
    {
        if (!problems.CheckObject(action, path, ActionFields))
        {
            return null;
        }

        var before = problems.Problems.Count;
        var actionId = problems.String(action, ActionId, path, required: true, $"\"{FaultActionIds.AddDelay}\"");
        if (actionId is not null && !ActionParameters.ByActionId.ContainsKey(actionId))
        {
            var known = ActionParameters.ByActionId.Keys;
            var suggestion = ClosestName.Find(actionId, known);
            problems.Add(JsonPath.Child(path, ActionId), $"\"{actionId}\" is not an action fisctl can run. "
                + (suggestion is null ? $"Use one of {string.Join(", ", known)}." : $"Did you mean \"{suggestion}\"?"));
            actionId = null;
        }

        var description = problems.String(action, Description, path, required: false, "\"what this action does\"");
        var parameters = ReadParameters(action, actionId, path, problems);
        var waits = actionId == FisActionIds.Wait;
        if (waits && action.TryGetProperty(Targets, out _))
        {
            problems.Add(JsonPath.Child(path, Targets), $"{FisActionIds.Wait} acts on no target. Remove {Targets}.");
        }

        var targetName = waits ? null : ReadActionTarget(action, path, targetNames, problems);
        var startAfter = ReadStartAfter(name, action, path, actionNames, problems);
        if (problems.Problems.Count > before || actionId is null || parameters is null || (targetName is null && !waits))
        {
            return null;
        }

        Iso8601Duration.TryParse(parameters[FaultObjectSchema.Duration], out var duration);
        return new TemplateAction
        {
            Name = name,
            ActionId = actionId,
            Description = description,
            Parameters = parameters,
            Duration = duration,
            TargetName = targetName,
            StartAfter = startAfter,
        };
    }

    private static Dictionary<string, string>? ReadParameters(JsonElement action, string? actionId, string path, ProblemCollector problems)
    {
        var parametersPath = JsonPath.Child(path, Parameters);
        if (!action.TryGetProperty(Parameters, out var value))
        {
            problems.Add(parametersPath, "is missing. Add at least the duration, e.g. \"parameters\": {\"duration\": \"PT5M\"}.");
            return null;
        }

        var parameters = problems.StringMap(value, parametersPath);
        if (parameters is null || actionId is null)
        {
            return parameters;
        }

        var rules = ActionParameters.ByActionId[actionId];
        foreach (var rule in rules)
        {
            var parameterPath = JsonPath.Child(parametersPath, rule.Name);
            if (parameters.TryGetValue(rule.Name, out var text))
            {
                if (rule.Check(text) is { } problem)
                {
                    problems.Add(parameterPath, problem);
                }
            }
            else if (rule.Required && !(value.TryGetProperty(rule.Name, out _)))
            {
                problems.Add(parameterPath, $"is missing. {actionId} needs it, e.g. \"{rule.Name}\": {rule.Example}.");
            }
        }

        var known = rules.Select(r => r.Name).ToArray();
        foreach (var unknown in parameters.Keys.Where(key => !known.Contains(key, StringComparer.Ordinal)))
        {
            var suggestion = ClosestName.Find(unknown, known);
            problems.Add(JsonPath.Child(parametersPath, unknown), $"is not a parameter of {actionId}. "
                + (suggestion is null ? $"Its parameters: {string.Join(", ", known)}." : $"Did you mean \"{suggestion}\"?"));
        }

        return parameters;
    }

    private static string? ReadActionTarget(JsonElement action, string path, HashSet<string>? targetNames, ProblemCollector problems)
    {
        var targetsPath = JsonPath.Child(path, Targets);
        if (!action.TryGetProperty(Targets, out var targets))
        {
            problems.Add(targetsPath, $"is missing. Name the target to act on, e.g. \"targets\": {{\"{FunctionsTargetKey}\": \"<a name from $.targets>\"}}.");
            return null;
        }

        if (!problems.CheckObject(targets, targetsPath, ActionTargetKeys))
        {
            return null;
        }

        var targetName = problems.String(targets, FunctionsTargetKey, targetsPath, required: true, "\"<a name from $.targets>\"");
        if (targetName is not null && targetNames is not null && !targetNames.Contains(targetName))
        {
            var suggestion = ClosestName.Find(targetName, targetNames);
            problems.Add(JsonPath.Child(targetsPath, FunctionsTargetKey), $"\"{targetName}\" is not a target of this template. "
                + (suggestion is null ? $"Use one of the names in $.targets: {string.Join(", ", targetNames.Order(StringComparer.Ordinal))}." : $"Did you mean \"{suggestion}\"?"));
            return null;
        }

        return targetName;
    }

    private static List<string> ReadStartAfter(string name, JsonElement action, string path, HashSet<string> actionNames, ProblemCollector problems)
    {
        var names = new List<string>();
        if (!action.TryGetProperty(StartAfter, out var value))
        {
            return names;
        }

        var startAfterPath = JsonPath.Child(path, StartAfter);
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(startAfterPath, $"must be an array of action names, not {ProblemCollector.Describe(value)}. E.g. \"startAfter\": [\"slow\"].");
            return names;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPath.Index(startAfterPath, index++);
            var other = item.ValueKind == JsonValueKind.String ? item.GetString()! : null;
            if (other is null)
            {
                problems.Add(itemPath, $"must be an action name, not {ProblemCollector.Describe(item)}.");
            }
            else if (other == name)
            {
                problems.Add(itemPath, $"\"{other}\" is this action itself: it could never start. Remove it.");
            }
            else if (!actionNames.Contains(other))
            {
                var suggestion = ClosestName.Find(other, actionNames.Where(n => n != name));
                problems.Add(itemPath, $"\"{other}\" is not an action of this template. "
                    + (suggestion is null ? $"Use one of: {string.Join(", ", actionNames.Where(n => n != name).Order(StringComparer.Ordinal))}." : $"Did you mean \"{suggestion}\"?"));
            }
            else if (!names.Contains(other, StringComparer.Ordinal))
            {
                names.Add(other);
            }
        }

        return names;
    }

    /// <summary>The names an action waits for, as written; used only to look for cycles, whatever else is wrong.</summary>
    private static IReadOnlyList<string> StartAfterNames(JsonElement action) =>
        action.ValueKind == JsonValueKind.Object && action.TryGetProperty(StartAfter, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : [];
}
