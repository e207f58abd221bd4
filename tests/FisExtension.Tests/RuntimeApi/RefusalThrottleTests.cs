using FisExtension.RuntimeApi;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.RuntimeApi;

public sealed class RefusalThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SameKind_PassesOncePerMinute_AndTheNextLineCountsTheOnesLeftOut()
    {
        var throttle = new RefusalThrottle(_time);

        var first = throttle.TryPass("refused 431", out var leftOutBeforeFirst);
        var within = Enumerable.Range(0, 3).Select(_ =>
        {
            _time.Advance(TimeSpan.FromSeconds(19));
            return throttle.TryPass("refused 431", out _);
        }).ToList();
        _time.Advance(TimeSpan.FromSeconds(3));
        var afterAMinute = throttle.TryPass("refused 431", out var leftOut);

        Assert.True(first);
        Assert.Equal(0, leftOutBeforeFirst);
        Assert.Equal([false, false, false], within);
        Assert.True(afterAMinute);
        Assert.Equal(3, leftOut);
        Assert.Equal(" (3 more like it in the last minute not logged)", RefusalThrottle.LeftOutNote(leftOut));
    }

    [Fact]
    public void DifferentKinds_AreThrottledApart()
    {
        var throttle = new RefusalThrottle(_time);

        Assert.True(throttle.TryPass("refused 431", out _));
        Assert.True(throttle.TryPass("refused 400", out _));
        Assert.True(throttle.TryPass("forward GET ResponseHeaders", out _));
        Assert.False(throttle.TryPass("refused 400", out _));
        Assert.Equal("", RefusalThrottle.LeftOutNote(0));
    }
}
