using FisExtension.Experiments.Load.Artillery;

namespace FisExtension.Experiments.Report;

/// <summary>
/// Latency percentiles of several Artillery periods together. Artillery keeps no per-request latencies, only each
/// period's quantiles, which cannot be merged exactly; each period is taken as the piecewise-linear distribution through
/// its quantiles (min, p50, p75, p90, p95, p99, p999, max), and the periods' distributions are mixed by response count.
/// With one period the result is that period's own quantile.
/// </summary>
public sealed class QuantileMixture(IReadOnlyList<ResponseTimeSummary> periods)
{
    private const int BisectionSteps = 64;

    private readonly long _count = periods.Sum(p => p.Count);

    public double? Percentile(double percent)
    {
        if (_count == 0)
        {
            return null;
        }

        if (periods.Count == 1)
        {
            return periods[0].Knots.First(k => k.Fraction >= percent / 100).Value;
        }

        var fraction = percent / 100;
        double low = periods.Min(p => p.Min), high = periods.Max(p => p.Max);
        for (var step = 0; step < BisectionSteps && high - low > 1e-9; step++)
        {
            var middle = (low + high) / 2;
            if (FractionAtOrBelow(middle) >= fraction)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>How many responses were slower than <paramref name="milliseconds"/>, estimated the same way.</summary>
    public double CountAbove(double milliseconds) => _count == 0 ? 0 : _count * (1 - FractionAtOrBelow(milliseconds));

    private double FractionAtOrBelow(double value) => periods.Sum(p => p.Count * FractionAtOrBelow(p, value)) / _count;

    private static double FractionAtOrBelow(ResponseTimeSummary period, double value)
    {
        var knots = period.Knots;
        if (value < knots[0].Value)
        {
            return 0;
        }

        for (var i = 1; i < knots.Count; i++)
        {
            if (value < knots[i].Value)
            {
                var (x0, f0) = knots[i - 1];
                var (x1, f1) = knots[i];
                return f0 + ((f1 - f0) * (value - x0) / (x1 - x0));
            }
        }

        return 1;
    }
}
