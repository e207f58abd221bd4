using System.Globalization;
using System.Text.RegularExpressions;

namespace FisExtension.Experiments.Hypothesis;

/// <summary>
/// Reads <c>--hypothesis</c> text: <c>SIDE OP SIDE</c>, OP one of <c>&lt; &lt;= &gt; &gt;=</c>, each SIDE a number
/// (<c>50%</c> = 0.5, <c>200ms</c> = 200) or <c>[NUMBER *] WINDOW.METRIC</c> (windows steady, experiment, recovery;
/// metrics errorRate, p50, p95, p99). E.g. <c>experiment.errorRate &lt; 50%</c>, <c>recovery.p99 &lt;= 1.1 * steady.p99</c>.
/// </summary>
public static partial class ClaimParser
{
    public static Claim? Parse(string text, out string? problem)
    {
        var match = ClaimPattern().Match(text);
        if (!match.Success)
        {
            problem = $"\"{text}\" is not a hypothesis. Write SIDE OP SIDE with OP one of < <= > >=, e.g. \"experiment.errorRate < 50%\" or \"recovery.p99 <= 1.1 * steady.p99\".";
            return null;
        }

        var left = Side(match.Groups["left"].Value.Trim(), out var leftProblem);
        var right = Side(match.Groups["right"].Value.Trim(), out var rightProblem);
        problem = (leftProblem ?? rightProblem) is { } sideProblem ? $"\"{text}\": {sideProblem}" : null;
        return problem is null ? new Claim(text, left!, match.Groups["op"].Value, right!) : null;
    }

    private static Operand? Side(string side, out string? problem)
    {
        problem = null;
        var constant = ConstantPattern().Match(side);
        if (constant.Success)
        {
            var value = double.Parse(constant.Groups["n"].Value, CultureInfo.InvariantCulture);
            return new Operand(constant.Groups["unit"].Value == "%" ? value / 100 : value, null, null);
        }

        var measured = MeasuredPattern().Match(side);
        if (!measured.Success)
        {
            problem = $"\"{side}\" is neither a number (50%, 200ms, 0.5) nor WINDOW.METRIC (e.g. steady.p99, 1.1 * steady.p99).";
            return null;
        }

        var (window, metric) = (measured.Groups["window"].Value, measured.Groups["metric"].Value);
        if (!Metrics.Windows.Contains(window, StringComparer.Ordinal))
        {
            problem = $"\"{window}\" is not a window. Use one of {string.Join(", ", Metrics.Windows)}.";
            return null;
        }

        if (!Metrics.Names.Contains(metric, StringComparer.Ordinal))
        {
            problem = $"\"{metric}\" is not a metric. Use one of {string.Join(", ", Metrics.Names)}.";
            return null;
        }

        var factor = measured.Groups["factor"].Success ? double.Parse(measured.Groups["factor"].Value, CultureInfo.InvariantCulture) : 1;
        return new Operand(factor, window, metric);
    }

    [GeneratedRegex(@"^(?<left>[^<>=]+?)\s*(?<op><=|>=|<|>)\s*(?<right>[^<>=]+)$")]
    private static partial Regex ClaimPattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<unit>%|ms)?$")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex(@"^((?<factor>\d+(\.\d+)?)\s*\*\s*)?(?<window>[A-Za-z]+)\.(?<metric>[A-Za-z0-9]+)$")]
    private static partial Regex MeasuredPattern();
}
