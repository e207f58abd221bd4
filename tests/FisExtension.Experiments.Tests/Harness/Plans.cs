using System.Text.Json.Nodes;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Plans built without a Lambda API: the harness template, changed, with every target resolved to the named functions.</summary>
public static class Plans
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static ExperimentPreview Of(Action<JsonObject> change, string? location, params string[] functionNames)
    {
        var template = TemplateJson.ReadChanged(change).Template!;
        var functions = functionNames.Select(Functions.Named).ToList();
        var targets = template.Targets.Values.Select(t => new ResolvedTarget(t, functions.Count, functions)).ToList();
        return new ExperimentPreview("t.json", template, 1, new Uri("http://127.0.0.1:1/"), targets, ScheduleBuilder.Build(template, Start), location);
    }
}
