using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Targeting;

/// <summary>A target after resolution: how many functions it identified and which were selected (ordered by name).</summary>
public sealed record ResolvedTarget(TemplateTarget Target, int IdentifiedCount, IReadOnlyList<LambdaFunction> Selected);
