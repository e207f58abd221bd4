using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Tests.Templates;

public sealed class Iso8601DurationTests
{
    [Theory]
    [InlineData("PT2M", 120_000)]
    [InlineData("PT1H30M", 5_400_000)]
    [InlineData("PT0.5S", 500)]
    [InlineData("PT1,25S", 1_250)]
    [InlineData("P1DT1S", 86_401_000)]
    [InlineData("PT0S", 0)]
    public void Duration_IsParsed(string text, long milliseconds)
    {
        Assert.True(Iso8601Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("2M")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("P1M")]
    [InlineData("PT1.5M")]
    [InlineData("pt2m")]
    [InlineData("PT-1S")]
    public void NotAFixedLengthDuration_IsRejected(string text)
    {
        Assert.False(Iso8601Duration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("PT1H30M")]
    [InlineData("PT0.5S")]
    [InlineData("PT0S")]
    [InlineData("PT12H")]
    public void Format_WritesTheShortestForm(string text)
    {
        Iso8601Duration.TryParse(text, out var duration);

        Assert.Equal(text, Iso8601Duration.Format(duration));
    }
}
