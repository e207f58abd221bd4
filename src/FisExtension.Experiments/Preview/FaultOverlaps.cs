using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Preview;

/// <summary>
/// Where the extension's combining rules (README, "Which faults apply to an invocation") will hide an action: of two
/// delays, or of an error and an HTTP response, on the same function at the same time, only the one that started
/// first applies (on equal starts, the one whose object key sorts first: the action name, ordinally).
/// </summary>
public static class FaultOverlaps
{
    public static IReadOnlyList<ShadowedAction> Find(ExperimentPreview preview)
    {
        var byFunction = preview.Schedule.Actions
            .SelectMany(scheduled => preview.FunctionsOf(scheduled.Action).Select(f => (Function: f.Name, Scheduled: scheduled)))
            .GroupBy(pair => pair.Function, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);

        var shadowed = new List<ShadowedAction>();
        foreach (var group in byFunction)
        {
            var actions = group.Select(pair => pair.Scheduled).OrderBy(a => a.StartOffset).ThenBy(a => a.Action.Name, StringComparer.Ordinal).ToList();
            for (var later = 1; later < actions.Count; later++)
            {
                for (var earlier = 0; earlier < later; earlier++)
                {
                    var (first, second) = (actions[earlier], actions[later]);
                    var from = second.StartOffset;
                    var to = first.EndOffset < second.EndOffset ? first.EndOffset : second.EndOffset;
                    if (IsDelay(first.Action.ActionId) == IsDelay(second.Action.ActionId) && from < to)
                    {
                        shadowed.Add(new ShadowedAction(group.Key, second.Action.Name, first.Action.Name, from, to));
                    }
                }
            }
        }

        return shadowed;
    }

    /// <summary>Delays are identical to each other; an error and an HTTP response both replace the result, so they conflict.</summary>
    private static bool IsDelay(string actionId) => actionId == FaultActionIds.AddDelay;
}
