using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Tests.Templates;

public sealed class SelectionModeTests
{
    [Theory]
    [InlineData("ALL", SelectionKind.All, 0)]
    [InlineData("COUNT(3)", SelectionKind.Count, 3)]
    [InlineData("PERCENT(25)", SelectionKind.Percent, 25)]
    [InlineData("PERCENT(100)", SelectionKind.Percent, 100)]
    public void ValidMode_IsParsed(string text, SelectionKind kind, int value)
    {
        var mode = SelectionMode.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new SelectionMode(kind, value), mode);
        Assert.Equal(text, mode!.ToString());
    }

    [Theory]
    [InlineData("COUNT(0)", "\"COUNT(0)\" selects nothing. Use a whole number of at least 1.")]
    [InlineData("PERCENT(101)", "\"PERCENT(101)\" is above 100 percent. Use PERCENT(100) or ALL to select every function.")]
    [InlineData("all", "\"all\" is not a selection mode. Use ALL, COUNT(n) or PERCENT(n), e.g. \"COUNT(1)\".")]
    [InlineData("COUNT(1.5)", "\"COUNT(1.5)\" is not a selection mode. Use ALL, COUNT(n) or PERCENT(n), e.g. \"COUNT(1)\".")]
    public void InvalidMode_SaysHowToFixIt(string text, string expected)
    {
        Assert.Null(SelectionMode.Parse(text, out var problem));
        Assert.Equal(expected, problem);
    }
}
