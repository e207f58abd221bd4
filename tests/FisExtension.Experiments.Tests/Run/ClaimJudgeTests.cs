using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Tests.Run;

public sealed class ClaimJudgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static RequestRecord Request(double latency, int status) => new(0, T0, T0, latency, "orders-get", status, null, null, []);

    private static WindowSummary Window(string name, params RequestRecord[] requests) =>
        new(name, T0, T0, LoadStatistics.Of(requests), new Dictionary<string, LoadStatistics>());

    private static readonly WindowSummary[] Windows =
    [
        Window("steady", Request(100, 200), Request(100, 200), Request(120, 200), Request(200, 200)),
        Window("experiment", Request(900, 503), Request(100, 200)),
        Window("recovery"),
    ];

    private static ClaimVerdict Judge(string text) => ClaimJudge.Judge(ClaimParser.Parse(text, out var problem) ?? throw new InvalidOperationException(problem), Windows);

    [Theory]
    [InlineData("experiment.errorRate < 50%", false, 0.5, 0.5)]
    [InlineData("experiment.errorRate <= 50%", true, 0.5, 0.5)]
    [InlineData("steady.p50 <= 100ms", true, 100, 100)]
    [InlineData("experiment.p99 > 4.5 * steady.p99", false, 900, 900)]
    [InlineData("experiment.p99 >= 4.5 * steady.p99", true, 900, 900)]
    [InlineData("0.5 >= experiment.errorRate", true, 0.5, 0.5)]
    public void Comparison_UsesTheMeasuredWindows(string text, bool held, double left, double right)
    {
        var verdict = Judge(text);

        Assert.Equal((held, left, right), (verdict.Held, verdict.Left, verdict.Right));
    }

    [Fact]
    public void EmptyWindow_DoesNotHold_AndSaysWhy()
    {
        var verdict = Judge("recovery.p99 <= 1.1 * steady.p99");

        Assert.False(verdict.Held);
        Assert.Equal("not held: recovery.p99 has no request to measure", verdict.Explanation);
    }
}
