namespace FisExtension.Experiments.Hypothesis;

/// <summary>One side of a comparison: a constant (<c>Metric</c> null), or <c>Factor × window.metric</c>.</summary>
public sealed record Operand(double Factor, string? Window, string? Metric)
{
    public override string ToString() => Metric is null ? Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Factor == 1 ? $"{Window}.{Metric}" : $"{Factor.ToString(System.Globalization.CultureInfo.InvariantCulture)} * {Window}.{Metric}";
}
