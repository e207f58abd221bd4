using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Preview;

/// <summary>Writes a preview as plain text: targets with each function's configuration location, then the schedule.</summary>
public static class PreviewPrinter
{
    public static void Print(ExperimentPreview preview, TextWriter output)
    {
        output.WriteLine($"Preview of {preview.TemplateName}: {preview.Template.Description}");
        output.WriteLine($"Seed {preview.Seed} (pass --seed {preview.Seed} to select the same functions again). Functions from {preview.Endpoint}.");
        output.WriteLine();
        output.WriteLine("Targets");
        foreach (var resolved in preview.Targets)
        {
            PrintTarget(preview, resolved, output);
        }

        var schedule = preview.Schedule;
        output.WriteLine();
        output.WriteLine($"Schedule (if started now: {Rfc3339.Format(schedule.StartTime)} to {Rfc3339.Format(schedule.EndTime)}, {Iso8601Duration.Format(schedule.Duration)})");
        foreach (var scheduled in schedule.Actions)
        {
            PrintAction(preview, scheduled, output);
        }

        if (preview.Template.ReportWindows is { } windows)
        {
            output.WriteLine($"  report windows: pre-experiment {Iso8601Duration.Format(windows.PreExperiment)} from {Rfc3339.Format(schedule.StartTime - windows.PreExperiment)}, "
                + $"post-experiment {Iso8601Duration.Format(windows.PostExperiment)} until {Rfc3339.Format(schedule.EndTime + windows.PostExperiment)}");
        }

        output.WriteLine($"  stop conditions: {string.Join(", ", preview.Template.StopConditions.Select(c => c.Value is null ? c.Source : $"{c.Source} {c.Value}"))}");
        foreach (var shadowed in FaultOverlaps.Find(preview))
        {
            output.WriteLine($"  note: on {shadowed.FunctionName}, {shadowed.Action} does not apply from {Offset(shadowed.From)} to {Offset(shadowed.To)}: "
                + $"{shadowed.By} started first, and of two identical or conflicting faults only the earliest applies");
        }

        output.WriteLine();
    }

    private static void PrintTarget(ExperimentPreview preview, ResolvedTarget resolved, TextWriter output)
    {
        var target = resolved.Target;
        output.WriteLine($"  {target.Name}: {TargetResolution.Describe(target)}, {target.SelectionMode}: "
            + $"{resolved.Selected.Count} of {resolved.IdentifiedCount} function{(resolved.IdentifiedCount == 1 ? "" : "s")} selected");
        foreach (var function in resolved.Selected)
        {
            var location = preview.LocationOf(function)
                ?? $"none ({AwsEnvironmentVariables.ConfigurationLocation} is not set on the function: its extension injects nothing; set it, or pass --location)";
            output.WriteLine($"    {function.Name}  {function.Arn}  location: {location}");
        }
    }

    private static void PrintAction(ExperimentPreview preview, ScheduledAction scheduled, TextWriter output)
    {
        var action = scheduled.Action;
        var functions = preview.FunctionsOf(action);
        output.WriteLine($"  {Offset(scheduled.StartOffset)} to {Offset(scheduled.EndOffset)}  {action.Name}  {action.ActionId}"
            + (action.StartAfter.Count > 0 ? $"  (after {string.Join(", ", action.StartAfter)})" : ""));
        output.WriteLine(action.TargetName is null
            ? "    targets: none (waits)"
            : $"    targets: {action.TargetName} ({(functions.Count == 0 ? "no function" : string.Join(", ", functions.Select(f => f.Name)))})");
        output.WriteLine($"    parameters: {string.Join(" ", action.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}");
    }

    private static string Offset(TimeSpan offset) => "+" + Iso8601Duration.Format(offset);
}
