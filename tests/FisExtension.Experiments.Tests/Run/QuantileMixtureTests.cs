using FisExtension.Experiments.Load.Artillery;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Tests.Run;

/// <summary>Percentiles of several Artillery periods from their quantiles alone.</summary>
public sealed class QuantileMixtureTests
{
    private static readonly ResponseTimeSummary Fast = new(100, 1, 10, 12, 14, 15, 19, 20, 20);
    private static readonly ResponseTimeSummary Slow = new(100, 101, 110, 112, 114, 115, 119, 120, 120);

    [Fact]
    public void OnePeriod_GivesItsOwnQuantiles_AndTwoEqualPeriodsTheSame()
    {
        Assert.Equal((10.0, 15.0, 19.0), Percentiles(new QuantileMixture([Fast])));
        var twice = Percentiles(new QuantileMixture([Fast, Fast]));
        Assert.Equal(10, twice.P50, 6);
        Assert.Equal(15, twice.P95, 6);
        Assert.Equal(19, twice.P99, 6);
    }

    [Fact]
    public void DisjointPeriods_SplitByCount_AndTheCountAboveAThresholdIsTheSlowPeriods()
    {
        var mixed = new QuantileMixture([Fast, Slow]);

        Assert.InRange(mixed.Percentile(50)!.Value, 20, 101); // half the responses are at most 20 ms, half at least 101 ms
        Assert.Equal(115, mixed.Percentile(97.5)!.Value, 6); // the slow period's p95 is the mixture's p97.5
        Assert.Equal(100, mixed.CountAbove(50), 6);
        Assert.Null(new QuantileMixture([]).Percentile(50));
        Assert.Equal(0, new QuantileMixture([]).CountAbove(50));
    }

    private static (double P50, double P95, double P99) Percentiles(QuantileMixture mixture) =>
        (mixture.Percentile(50)!.Value, mixture.Percentile(95)!.Value, mixture.Percentile(99)!.Value);
}
