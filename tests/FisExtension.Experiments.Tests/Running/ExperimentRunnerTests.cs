using System.Text.Json;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Running;

public sealed class ExperimentRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly ConfigurationFolders _folders = new();
    private readonly ObservedTimeProvider _time = new(Start);
    private readonly ObservedWriter _writer = new();
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        _writer.Dispose();
        _time.Dispose();
        _folders.Dispose();
    }

    private ExperimentRun Run() => SampleRuns.SlowThenFail(_folders, _time);

    [Fact(Timeout = 10_000)]
    public async Task EachActionsObjects_AreWrittenWhenItStarts_AndDeletedWhenItEnds()
    {
        var running = new ExperimentRunner(_writer, _time, _output).RunAsync(Run(), CancellationToken.None);

        await _writer.WaitForOperationsAsync(2);
        Assert.Equal(["orders-get/EXP1-slow.json", "orders-list/EXP1-slow.json"], _folders.Keys());

        await _time.WaitForTimerAsync(); // the runner waits for "slow" to end
        _time.Advance(TimeSpan.FromMinutes(2));
        await _writer.WaitForOperationsAsync(4);
        Assert.Equal(["orders-get/EXP1-fail.json", "orders-list/EXP1-fail.json"], _folders.Keys());

        await _time.WaitForTimerAsync(); // the runner waits for "fail" to end
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ExperimentOutcome.Completed, await running);
        Assert.Empty(_folders.Keys());
        Assert.Contains("2026-11-25T10:03:00Z experiment EXP1 completed", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task InitialActionsWritten_CompletesWhenTheActionsStartingWithTheExperimentAreWritten_WithoutWaitingForLaterOnes()
    {
        using var stop = new CancellationTokenSource();
        var runner = new ExperimentRunner(_writer, _time, _output);
        var running = runner.RunAsync(Run(), stop.Token);

        await runner.InitialActionsWritten; // the clock stands still: "fail" (at +2 min) has not started

        Assert.Equal(["orders-get/EXP1-slow.json", "orders-list/EXP1-slow.json"], _folders.Keys());
        Assert.False(running.IsCompleted);
        await stop.CancelAsync();
        Assert.Equal(ExperimentOutcome.Stopped, await running);
    }

    [Fact(Timeout = 10_000)]
    public async Task WrittenObject_IsAV1ObjectWithTheScheduledWindow()
    {
        _ = new ExperimentRunner(_writer, _time, _output).RunAsync(Run(), CancellationToken.None);
        await _writer.WaitForOperationsAsync(2);
        await _time.WaitForTimerAsync();
        _time.Advance(TimeSpan.FromMinutes(2));
        await _writer.WaitForOperationsAsync(4);

        using var written = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folders.Root, "orders-list", "EXP1-fail.json")));

        var root = written.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("EXP1", root.GetProperty("experimentId").GetString());
        Assert.Equal("fail", root.GetProperty("actionName").GetString());
        Assert.Equal("aws:lambda:invocation-error", root.GetProperty("actionId").GetString());
        Assert.Equal("2026-11-25T10:02:00Z", root.GetProperty("startTime").GetString());
        Assert.Equal("2026-11-25T10:03:00Z", root.GetProperty("endTime").GetString());
        Assert.Equal("true", root.GetProperty("parameters").GetProperty("preventExecution").GetString());
        Assert.Equal("25", root.GetProperty("parameters").GetProperty("invocationPercentage").GetString());
    }

    [Fact(Timeout = 10_000)]
    public async Task Stop_DeletesEveryWrittenObjectAtOnce()
    {
        using var stop = new CancellationTokenSource();
        var running = new ExperimentRunner(_writer, _time, _output).RunAsync(Run(), stop.Token);
        await _writer.WaitForOperationsAsync(2);
        Assert.Equal(2, _folders.Keys().Count);

        await stop.CancelAsync();

        Assert.Equal(ExperimentOutcome.Stopped, await running);
        Assert.Empty(_folders.Keys());
        Assert.Equal(Start, _time.GetUtcNow());
        Assert.Contains("2026-11-25T10:00:00Z experiment EXP1 stopped", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task FailedWrite_StopsTheExperiment_AndDeletesWhatWasWritten()
    {
        // A file where orders-list's folder should be: the second put fails.
        await File.WriteAllTextAsync(Path.Combine(_folders.Root, "orders-list"), "not a folder");

        var outcome = await new ExperimentRunner(_writer, _time, _output).RunAsync(Run(), CancellationToken.None);

        Assert.Equal(ExperimentOutcome.Failed, outcome);
        Assert.Equal(["orders-list"], _folders.Keys());
        Assert.Contains("experiment EXP1 failed: ", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  deleted " + Path.Combine(_folders.Root, "orders-get", "EXP1-slow.json"), _output.ToString(), StringComparison.Ordinal);
    }
}
