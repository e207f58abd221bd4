using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Scheduling;

/// <summary>
/// FIS's timing: an action starts when the experiment starts, or, with <c>startAfter</c>, when the last of the named
/// actions ends; it runs for its <c>duration</c>. The template reader has already rejected unknown names and cycles.
/// </summary>
public static class ScheduleBuilder
{
    public static ExperimentSchedule Build(ExperimentTemplate template, TimeProvider time) => Build(template, time.GetUtcNow());

    public static ExperimentSchedule Build(ExperimentTemplate template, DateTimeOffset start)
    {
        var starts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

        TimeSpan StartOf(TemplateAction action)
        {
            if (!starts.TryGetValue(action.Name, out var offset))
            {
                offset = action.StartAfter.Select(name => template.Actions[name]).Select(before => StartOf(before) + before.Duration)
                    .DefaultIfEmpty(TimeSpan.Zero).Max();
                starts[action.Name] = offset;
            }

            return offset;
        }

        var actions = template.Actions.Values
            .Select(action => (Action: action, Start: StartOf(action)))
            .OrderBy(a => a.Start).ThenBy(a => a.Action.Name, StringComparer.Ordinal)
            .Select(a => new ScheduledAction(a.Action, a.Start, a.Start + a.Action.Duration, start + a.Start, start + a.Start + a.Action.Duration))
            .ToList();
        return new ExperimentSchedule(start, actions);
    }
}
