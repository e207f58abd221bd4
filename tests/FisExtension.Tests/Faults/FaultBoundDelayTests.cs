using System.Diagnostics;
using FisExtension.Configuration;
using FisExtension.Faults;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Faults;

/// <summary>A held start delay ends at the first of: its requested time, its fault's end time, a poll without its fault.</summary>
public sealed class FaultBoundDelayTests
{
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(900_000);
    private static readonly PollOutcome AnyPoll = new(TimeSpan.FromMilliseconds(5), true, 0, null);

    private readonly FakeTimeProvider _time = new(TestFaults.T0);
    private readonly PollCompletedSignal _polls = new();

    [Fact(Timeout = 10_000)]
    public async Task DelayLongerThanItsFault_IsReleasedAtTheFaultsEndTime()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddSeconds(3), milliseconds: 900_000);
        var delay = new FaultBoundDelay(new SettableFaultSource(_time, fault), _polls, _time);
        var started = _time.GetTimestamp();

        var held = delay.WaitAsync(fault, Longest, CancellationToken.None);
        var heldJustBeforeTheEnd = StillHeldUntilAdvanced(held, TimeSpan.FromMilliseconds(3000));

        Assert.True(heldJustBeforeTheEnd, "released before the fault ended");
        Assert.Equal(DelayRelease.FaultEnded, await held.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(3), _time.GetElapsedTime(started));
    }

    [Fact(Timeout = 10_000)]
    public async Task DelayWhoseFaultAPollNoLongerLists_IsReleasedWhenThatPollCompletes()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10), milliseconds: 900_000);
        var faults = new SettableFaultSource(_time, fault);
        var delay = new FaultBoundDelay(faults, _polls, _time);

        var held = delay.WaitAsync(fault, Longest, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        var heldWhileListed = !held.IsCompleted;
        faults.Publish();
        _polls.OnPollCompleted(AnyPoll);

        Assert.True(heldWhileListed, "released while the fault was still listed");
        Assert.Equal(DelayRelease.FaultRemoved, await held.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact(Timeout = 10_000)]
    public async Task PollStillListingTheFault_KeepsHolding_UntilTheRequestedTime()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10), milliseconds: 1000);
        var clock = new TimerCountingTimeProvider(_time);
        var delay = new FaultBoundDelay(new SettableFaultSource(_time, fault), _polls, clock);
        var started = _time.GetTimestamp();

        var held = delay.WaitAsync(fault, TimeSpan.FromSeconds(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        var armed = clock.TimersCreated;
        _polls.OnPollCompleted(AnyPoll);
        // Checked once the delay has looked at the poll's snapshot and waits again (a new timer): a fixed pause could end
        // before it had, and then a delay that a listing poll wrongly released would still pass.
        var giveUp = Stopwatch.StartNew();
        while (clock.TimersCreated == armed && !held.IsCompleted && giveUp.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(5);
        Assert.True(clock.TimersCreated > armed || held.IsCompleted, "the delay never looked at the poll's snapshot");
        var heldBeforeTheRequestedTime = StillHeldUntilAdvanced(held, TimeSpan.FromMilliseconds(600));

        Assert.True(heldBeforeTheRequestedTime, "a poll that still lists the fault released the delay");
        Assert.Equal(DelayRelease.Elapsed, await held.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(1), _time.GetElapsedTime(started));
    }

    [Fact(Timeout = 10_000)]
    public async Task ObjectRewrittenWithAnEarlierEnd_ReleasesAtTheNewEnd()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10), milliseconds: 900_000);
        var faults = new SettableFaultSource(_time, fault);
        var clock = new TimerCountingTimeProvider(_time);
        var delay = new FaultBoundDelay(faults, _polls, clock);
        var started = _time.GetTimestamp();

        var held = delay.WaitAsync(fault, Longest, CancellationToken.None);
        var armed = clock.TimersCreated;
        faults.Publish(fault with { EndTime = TestFaults.T0.AddSeconds(2) });
        _polls.OnPollCompleted(AnyPoll);
        // The delay looks at the new snapshot on another thread and arms a wait for the new end. The clock moves only
        // once it has: a fixed 50 ms pause was not always enough under load, and a clock already past the new end
        // found the fault gone from the snapshot and reported it removed, not ended.
        var giveUp = Stopwatch.StartNew();
        while (clock.TimersCreated == armed && giveUp.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(5);
        Assert.True(clock.TimersCreated > armed, "the delay never looked at the rewritten fault");
        var heldBeforeTheNewEnd = StillHeldUntilAdvanced(held, TimeSpan.FromMilliseconds(2000));

        Assert.True(heldBeforeTheNewEnd, "released before the new end time");
        Assert.Equal(DelayRelease.FaultEnded, await held.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(2), _time.GetElapsedTime(started));
    }

    [Fact(Timeout = 10_000)]
    public async Task FaultThatEndedBeforeTheDelayStarted_ReleasesAtOnce()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0, milliseconds: 900_000);
        var delay = new FaultBoundDelay(new SettableFaultSource(_time, fault), _polls, _time);

        var held = delay.WaitAsync(fault, Longest, CancellationToken.None);

        Assert.True(held.IsCompleted, "an ended fault still held the invocation");
        Assert.Equal(DelayRelease.FaultEnded, await held);
    }

    [Fact(Timeout = 10_000)]
    public async Task Shutdown_EndsTheDelayAtOnce()
    {
        var fault = TestFaults.Delay("delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10), milliseconds: 900_000);
        var delay = new FaultBoundDelay(new SettableFaultSource(_time, fault), _polls, _time);
        using var shutdown = new CancellationTokenSource();

        var held = delay.WaitAsync(fault, Longest, shutdown.Token);
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Advances the clock by <paramref name="by"/>, saying whether the delay was still held 10 ms before.</summary>
    private bool StillHeldUntilAdvanced(Task held, TimeSpan by)
    {
        _time.Advance(by - TimeSpan.FromMilliseconds(10));
        var stillHeld = !held.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(10));
        return stillHeld;
    }
}
