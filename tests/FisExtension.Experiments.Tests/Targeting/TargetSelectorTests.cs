using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Targeting;

public sealed class TargetSelectorTests
{
    private static IReadOnlyList<string> Names(IReadOnlyList<LambdaFunction> functions) => functions.Select(f => f.Name).ToList();

    [Fact]
    public void All_SelectsEveryFunction_InNameOrder()
    {
        var selected = TargetSelector.Select([Functions.Named("b"), Functions.Named("c"), Functions.Named("a")], SelectionMode.All, new Random(1));

        Assert.Equal(["a", "b", "c"], Names(selected));
    }

    [Fact]
    public void Count_SelectsThatMany_AndTheSameSeedSelectsTheSameFunctions()
    {
        var mode = new SelectionMode(SelectionKind.Count, 3);

        var first = TargetSelector.Select(Functions.Many(10), mode, new Random(42));
        var again = TargetSelector.Select(Functions.Many(10), mode, new Random(42));

        Assert.Equal(3, first.Count);
        Assert.Equal(3, first.Select(f => f.Name).Distinct().Count());
        Assert.Equal(Names(first), Names(again));
    }

    [Fact]
    public void Count_DoesNotDependOnTheOrderTheApiListedFunctionsIn()
    {
        var mode = new SelectionMode(SelectionKind.Count, 2);

        var listed = TargetSelector.Select(Functions.Many(6), mode, new Random(7));
        var reversed = TargetSelector.Select(Functions.Many(6).Reverse().ToList(), mode, new Random(7));

        Assert.Equal(Names(listed), Names(reversed));
    }

    [Fact]
    public void Count_DifferentSeeds_SelectDifferentFunctions()
    {
        var selections = Enumerable.Range(0, 20)
            .Select(seed => string.Join(",", Names(TargetSelector.Select(Functions.Many(6), new SelectionMode(SelectionKind.Count, 2), new Random(seed)))))
            .Distinct()
            .Count();

        Assert.True(selections >= 5, $"20 seeds gave only {selections} different selections");
    }

    [Fact]
    public void CountOne_PicksEachFunctionEquallyOften()
    {
        var hits = new Dictionary<string, int>();
        for (var seed = 0; seed < 8000; seed++)
        {
            var picked = TargetSelector.Select(Functions.Many(4), new SelectionMode(SelectionKind.Count, 1), new Random(seed)).Single().Name;
            hits[picked] = hits.GetValueOrDefault(picked) + 1;
        }

        // 2,000 expected each; σ ≈ 39, so ±175 is 4.5 σ.
        Assert.Equal(4, hits.Count);
        Assert.All(hits.Values, count => Assert.InRange(count, 1825, 2175));
    }

    [Theory]
    [InlineData(7, 50, 3)]
    [InlineData(7, 10, 0)]
    [InlineData(4, 100, 4)]
    [InlineData(3, 34, 1)]
    public void Percent_SelectsThatShare_RoundedDown(int identified, int percent, int expected)
    {
        var selected = TargetSelector.Select(Functions.Many(identified), new SelectionMode(SelectionKind.Percent, percent), new Random(3));

        Assert.Equal(expected, selected.Count);
    }

    [Fact]
    public void CountAboveWhatWasIdentified_SelectsEveryFunction()
    {
        var selected = TargetSelector.Select(Functions.Many(2), new SelectionMode(SelectionKind.Count, 5), new Random(3));

        Assert.Equal(["fn-01", "fn-02"], Names(selected));
    }
}
