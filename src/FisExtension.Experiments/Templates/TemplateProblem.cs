namespace FisExtension.Experiments.Templates;

/// <summary>One thing wrong with a template, at a JSON path such as <c>$.actions.fail.parameters.invocationPercentage</c>.</summary>
public sealed record TemplateProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
