using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Faults;

/// <summary>A fake clock that counts the timers made on it: a test can wait until code running on another thread has
/// armed its next wait before it moves the clock, instead of guessing how long that takes.</summary>
internal sealed class TimerCountingTimeProvider(FakeTimeProvider clock) : TimeProvider
{
    private int _timersCreated;

    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = clock.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref _timersCreated);
        return timer;
    }
}
