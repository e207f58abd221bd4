namespace FisExtension.Experiments.Templates;

/// <summary>A valid template, or every problem found in it; never both.</summary>
public sealed record TemplateReadResult(ExperimentTemplate? Template, IReadOnlyList<TemplateProblem> Problems)
{
    public bool IsValid => Template is not null;
}
