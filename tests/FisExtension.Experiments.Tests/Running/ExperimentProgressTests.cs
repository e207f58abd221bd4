using FisExtension.Experiments.Load;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Running;

public sealed class ExperimentProgressTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly ConfigurationFolders _folders = new();
    private readonly ObservedTimeProvider _time = new(Start);
    private readonly ObservedWriter _writer = new();

    public void Dispose()
    {
        _writer.Dispose();
        _time.Dispose();
        _folders.Dispose();
    }

    private ExperimentRun Run() => SampleRuns.SlowThenFail(_folders, _time);

    private static RequestRecord Answer(DateTimeOffset sentAt, double milliseconds, int status, params string[] faults) =>
        new(0, sentAt, sentAt, milliseconds, "orders", status, null, null, faults);

    [Fact(Timeout = 10_000)]
    public async Task Line_GivesEachActionsStateAndCountdown_TheObjectsInPlace_AndTheLoadOfTheLastInterval()
    {
        using var stop = new CancellationTokenSource();
        var run = Run();
        var runner = new ExperimentRunner(_writer, _time, TextWriter.Null);
        var running = runner.RunAsync(run, stop.Token);
        await _writer.WaitForOperationsAsync(2);
        var progress = new ExperimentProgress(run, runner, _time, TextWriter.Null, ProgressLoad.FaultsLogged);
        var now = Start + TimeSpan.FromSeconds(90);
        progress.Observe(Answer(now - TimeSpan.FromSeconds(30), 5, 200));
        progress.Observe(Answer(now - TimeSpan.FromSeconds(2), 2004, 200, "slow"));
        progress.Observe(Answer(now - TimeSpan.FromSeconds(1), 2010, 500, "slow"));

        var line = progress.Line(now);

        Assert.Equal("+90 s · slow running, 30 s left · fail starts in 30 s · 2 objects in place · "
            + "load: 3 answered, 1 errors, p50 2004 ms over the last 5 s, faults seen in 2", line);
        await stop.CancelAsync();
        Assert.Equal(ExperimentOutcome.Stopped, await running);
        Assert.Contains("0 objects in place", progress.Line(now), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task RunAsync_PrintsALineEveryInterval_UntilStopped_WithoutLoadFiguresForStart()
    {
        using var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var stop = new CancellationTokenSource();
        var run = Run();
        var progress = new ExperimentProgress(run, new ExperimentRunner(_writer, _time, TextWriter.Null), _time, output, ProgressLoad.None);
        var printing = progress.RunAsync(stop.Token);

        for (var tick = 1; tick <= 3; tick++)
        {
            await _time.WaitForTimerAsync(); // the line's delay is armed: advancing now fires it
            _time.Advance(ExperimentProgress.Interval);
        }

        await _time.WaitForTimerAsync(); // the third line is written once the next delay is armed
        await stop.CancelAsync();
        await printing;
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("+5 s · slow running, 115 s left · fail starts in 115 s · 0 objects in place", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("load:", text.ToString(), StringComparison.Ordinal);
    }
}
