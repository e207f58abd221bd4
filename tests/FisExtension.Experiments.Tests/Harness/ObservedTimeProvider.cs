using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>
/// A fake clock that counts the timers created on it, so a test advances it only once the code under test waits on
/// one. A test that advances while that code sits between reading the time and creating its timer (Task.Delay) gets
/// a timer set relative to the new time: it is due one whole wait later and never fires.
/// </summary>
public sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start), IDisposable
{
    private readonly SemaphoreSlim _timers = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Waits until one more timer has been created (each call consumes one).</summary>
    public Task WaitForTimerAsync() => _timers.WaitAsync();

    public void Dispose() => _timers.Dispose();
}
