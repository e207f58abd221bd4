using System.Globalization;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Running;

/// <summary>
/// The live progress of a running experiment, one line every <see cref="Interval"/>: time since the start, each
/// action's state with its countdown, the objects in place, and with load the requests answered so far, their errors,
/// the p50 of those sent in the last interval, and, where the extension's log lines tell (<c>--invoke</c>), how many
/// a fault hit.
/// </summary>
public sealed class ExperimentProgress(ExperimentRun run, ExperimentRunner runner, TimeProvider time, TextWriter output, ProgressLoad load)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    // The last interval's answers for its p50; the counts cover the whole run without keeping every answer.
    private readonly Queue<RequestRecord> _recent = new();
    private int _answered;
    private int _errors;
    private int _faulted;

    /// <summary>Counts one answered load request.</summary>
    public void Observe(RequestRecord record)
    {
        lock (_gate)
        {
            _recent.Enqueue(record);
            _answered++;
            _errors += record.IsError ? 1 : 0;
            _faulted += record.Faults.Count > 0 ? 1 : 0;
        }
    }

    /// <summary>Prints a line every interval until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, time, stop).ConfigureAwait(false);
                await output.WriteLineAsync(Line(time.GetUtcNow())).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The experiment ended: its own lines say how.
        }
    }

    public string Line(DateTimeOffset now)
    {
        var parts = new List<string> { $"{Clock(now - run.Schedule.StartTime)}" };
        parts.AddRange(run.Schedule.Actions.Select(a =>
            now < a.StartTime ? $"{a.Action.Name} starts in {Seconds(a.StartTime - now)}"
            : now < a.EndTime ? $"{a.Action.Name} running, {Seconds(a.EndTime - now)} left"
            : $"{a.Action.Name} ended"));
        parts.Add($"{runner.ObjectsInPlace} object{(runner.ObjectsInPlace == 1 ? "" : "s")} in place");
        if (load != ProgressLoad.None)
        {
            lock (_gate)
            {
                while (_recent.TryPeek(out var oldest) && oldest.SentAt <= now - Interval)
                {
                    _recent.Dequeue();
                }

                var recent = _recent.Where(r => r.SentAt > now - Interval).Select(r => r.LatencyMilliseconds).Order().ToList();
                var p50 = LoadStatistics.Percentile(recent, 50);
                var faults = load == ProgressLoad.FaultsLogged ? $", faults seen in {_faulted}" : "";
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"load: {_answered} answered, {_errors} errors, p50 {(p50 is { } ms ? $"{ms:0.#} ms" : "-")} over the last {Seconds(Interval)}{faults}"));
            }
        }

        return string.Join(" · ", parts);
    }

    private static string Clock(TimeSpan sinceStart) => sinceStart < TimeSpan.Zero
        ? $"-{Seconds(-sinceStart)}"
        : $"+{Seconds(sinceStart)}";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(span.TotalSeconds):0} s");
}
