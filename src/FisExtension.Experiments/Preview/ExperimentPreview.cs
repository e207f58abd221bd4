using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Preview;

/// <summary>What an experiment would do: its functions, their configuration locations and the timeline. Nothing is written.</summary>
public sealed record ExperimentPreview(
    string TemplateName,
    ExperimentTemplate Template,
    int Seed,
    Uri Endpoint,
    IReadOnlyList<ResolvedTarget> Targets,
    ExperimentSchedule Schedule,
    string? LocationOverride)
{
    /// <summary><c>--location</c> when given, otherwise the function's own <c>AWS_FIS_CONFIGURATION_LOCATION</c>.</summary>
    public string? LocationOf(LambdaFunction function) => LocationOverride ?? function.ConfigurationLocation;

    /// <summary>The functions an action acts on: its target's selection, or none for a wait.</summary>
    public IReadOnlyList<LambdaFunction> FunctionsOf(TemplateAction action) =>
        action.TargetName is null ? [] : Targets.Single(t => t.Target.Name == action.TargetName).Selected;
}
