namespace FisExtension.Experiments.Hypothesis;

/// <summary>The report's overall verdict: every hypothesis held, at least one did not, or none was stated.</summary>
public static class Verdicts
{
    public const string Held = "held";
    public const string NotHeld = "not held";
    public const string NoneStated = "none stated";
}
