using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>
/// A fake clock on which a Lambda freeze can be played: the wall clock jumps, but timers, which do not run while
/// the environment is frozen, see no time pass.
/// </summary>
internal sealed class FreezableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private TimeSpan _frozenFor;

    public FakeTimeProvider Timers { get; } = new(start);

    public override DateTimeOffset GetUtcNow() => Timers.GetUtcNow() + _frozenFor;

    public override long GetTimestamp() => Timers.GetTimestamp();

    public override long TimestampFrequency => Timers.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Timers.CreateTimer(callback, state, dueTime, period);

    /// <summary>Time passes while timers fire, as in a thawed environment.</summary>
    public void Advance(TimeSpan span) => Timers.Advance(span);

    /// <summary>Wall-clock time passes with no timer firing, as while the environment is frozen.</summary>
    public void Freeze(TimeSpan span) => _frozenFor += span;
}
