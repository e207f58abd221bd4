using System.Globalization;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Hypothesis;

/// <summary>Judges hypotheses against the report's windows (overall figures). A side with nothing to measure (an empty
/// window) cannot support the hypothesis, so it does not hold.</summary>
public static class ClaimJudge
{
    public static ClaimVerdict Judge(Claim claim, IReadOnlyList<WindowSummary> windows)
    {
        var left = Value(claim.Left, windows);
        var right = Value(claim.Right, windows);
        if (left is null || right is null)
        {
            return new ClaimVerdict(claim.Text, left, right, false, $"not held: {(left is null ? claim.Left : claim.Right)} has no request to measure");
        }

        var held = claim.Operator switch
        {
            "<" => left < right,
            "<=" => left <= right,
            ">" => left > right,
            _ => left >= right,
        };
        return new ClaimVerdict(claim.Text, left, right, held,
            $"{(held ? "held" : "not held")}: {Format(left.Value)} {claim.Operator} {Format(right.Value)}");
    }

    private static double? Value(Operand operand, IReadOnlyList<WindowSummary> windows) =>
        operand.Metric is null ? operand.Factor
        : Metrics.Of(windows.Single(w => w.Name == operand.Window).Overall, operand.Metric) * operand.Factor;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
