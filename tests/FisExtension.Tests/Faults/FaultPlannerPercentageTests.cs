using FisExtension.Faults;
using Xunit.Abstractions;
using static FisExtension.Tests.Faults.TestFaults;

namespace FisExtension.Tests.Faults;

public sealed class FaultPlannerPercentageTests(ITestOutputHelper output)
{
    private const int Invocations = 10_000;

    // 4.5 standard deviations: a correct planner fails this about once in 150,000 seeds, a biased one almost always.
    private const double AllowedDeviations = 4.5;

    [Fact]
    public void SameSeed_GivesTheSameHitSequence()
    {
        var snapshot = new FaultSnapshot([Delay("delay", T0, T0.AddHours(1), percentage: 25)]);

        var first = HitSequence(new FaultPlanner(new SeededRandomSource(seed: 2026)), snapshot, count: 1000);
        var second = HitSequence(new FaultPlanner(new SeededRandomSource(seed: 2026)), snapshot, count: 1000);
        var otherSeed = HitSequence(new FaultPlanner(new SeededRandomSource(seed: 2027)), snapshot, count: 1000);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(7)]
    [InlineData(123_456)]
    public void TwentyFivePercent_HitsWithinTheBinomialBound(int seed)
    {
        var snapshot = new FaultSnapshot([Error("error", T0, T0.AddHours(1), percentage: 25)]);
        var planner = new FaultPlanner(new SeededRandomSource(seed));

        var hits = HitSequence(planner, snapshot, Invocations, plan => plan.OverrideFault is not null).Count(hit => hit);

        output.WriteLine($"seed {seed}: {hits} of {Invocations} invocations hit ({100.0 * hits / Invocations:F2} %)");
        AssertWithinBinomialBound(hits, Invocations, 0.25);
    }

    [Fact]
    public void DelayAndErrorAtFiftyPercent_AreDrawnIndependently()
    {
        var snapshot = new FaultSnapshot([Delay("delay", T0, T0.AddHours(1), percentage: 50), Error("error", T0, T0.AddHours(1), percentage: 50)]);
        var planner = new FaultPlanner(new SeededRandomSource(seed: 11));

        var both = HitSequence(planner, snapshot, Invocations, plan => plan.DelayFault is not null && plan.OverrideFault is not null).Count(hit => hit);

        output.WriteLine($"both faults hit {both} of {Invocations} invocations");
        AssertWithinBinomialBound(both, Invocations, 0.5 * 0.5);
    }

    private static bool[] HitSequence(FaultPlanner planner, FaultSnapshot snapshot, int count, Func<FaultPlan, bool>? isHit = null) =>
        Enumerable.Range(0, count)
            .Select(i => planner.Plan(snapshot, T0.AddMilliseconds(i)))
            .Select(isHit ?? (plan => !plan.IsEmpty))
            .ToArray();

    private static void AssertWithinBinomialBound(int hits, int trials, double probability)
    {
        var expected = trials * probability;
        var sigma = Math.Sqrt(trials * probability * (1 - probability));
        Assert.InRange(hits, expected - (AllowedDeviations * sigma), expected + (AllowedDeviations * sigma));
    }
}
