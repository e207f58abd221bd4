namespace FisExtension.Experiments.Hypothesis;

/// <summary>A hypothesis judged: both sides as measured, and whether it held (false also when a side could not be measured).</summary>
public sealed record ClaimVerdict(string Hypothesis, double? Left, double? Right, bool Held, string Explanation);
