using System.Globalization;
using System.Text.RegularExpressions;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Hypothesis;

/// <summary>Reads <c>--stop-if</c>: <c>METRIC OP NUMBER over DURATION</c>; METRIC errorRate, p50, p95 or p99, OP one of
/// <c>&lt; &lt;= &gt; &gt;=</c>, NUMBER as in a hypothesis (<c>80%</c>, <c>2000ms</c>), DURATION <c>10s</c>, <c>500ms</c> or ISO 8601.</summary>
public static partial class StopRuleParser
{
    public static StopRule? Parse(string text, out string? problem)
    {
        var match = RulePattern().Match(text.Trim());
        problem = null;
        if (!match.Success)
        {
            problem = $"\"{text}\" is not a stop condition. Write METRIC OP NUMBER over DURATION, e.g. \"errorRate > 80% over 10s\" or \"p99 > 2000ms over 30s\".";
            return null;
        }

        var metric = match.Groups["metric"].Value;
        if (!Metrics.Names.Contains(metric, StringComparer.Ordinal))
        {
            problem = $"\"{text}\": \"{metric}\" is not a metric. Use one of {string.Join(", ", Metrics.Names)}.";
            return null;
        }

        var window = Window(match.Groups["window"].Value);
        if (window is not { } span || span <= TimeSpan.Zero)
        {
            problem = $"\"{text}\": \"{match.Groups["window"].Value}\" is not a window. Write e.g. 10s, 500ms or PT1M.";
            return null;
        }

        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return new StopRule(text, metric, match.Groups["op"].Value, match.Groups["unit"].Value == "%" ? value / 100 : value, span);
    }

    private static TimeSpan? Window(string text)
    {
        var short_ = ShortDuration().Match(text);
        if (short_.Success)
        {
            var value = double.Parse(short_.Groups["n"].Value, CultureInfo.InvariantCulture);
            return short_.Groups["unit"].Value == "ms" ? TimeSpan.FromMilliseconds(value) : TimeSpan.FromSeconds(value);
        }

        return Iso8601Duration.TryParse(text, out var duration) ? duration : null;
    }

    [GeneratedRegex(@"^(?<metric>[A-Za-z0-9]+)\s*(?<op><=|>=|<|>)\s*(?<n>\d+(\.\d+)?)\s*(?<unit>%|ms)?\s+over\s+(?<window>\S+)$")]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<unit>ms|s)$")]
    private static partial Regex ShortDuration();
}
