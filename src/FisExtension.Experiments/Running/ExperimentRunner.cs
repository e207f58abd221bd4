using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Running;

/// <summary>
/// Plays FIS's part for one experiment: when an action starts, put one v1 object per target function; when it ends,
/// delete them; when the experiment is stopped, delete every object still there at once (fis-lambda-actions.md §3, §4).
/// The objects carry their end time, so the extension ends each fault on time even if fisctl dies.
/// </summary>
public sealed class ExperimentRunner(IFaultConfigurationWriter writer, TimeProvider time, TextWriter output)
{
    private readonly TaskCompletionSource _initialActionsWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _objectsInPlace;

    /// <summary>Completes once the objects of every action that starts with the experiment are written (or the run ended without them).</summary>
    public Task InitialActionsWritten => _initialActionsWritten.Task;

    /// <summary>How many of the experiment's objects are written and not yet deleted.</summary>
    public int ObjectsInPlace => Volatile.Read(ref _objectsInPlace);

    public async Task<ExperimentOutcome> RunAsync(ExperimentRun run, CancellationToken stop)
    {
        try
        {
            return await RunStepsAsync(run, stop).ConfigureAwait(false);
        }
        finally
        {
            _initialActionsWritten.TrySetResult();
        }
    }

    private async Task<ExperimentOutcome> RunStepsAsync(ExperimentRun run, CancellationToken stop)
    {
        var written = new List<FaultObjectAddress>();
        // At equal times ends come first: an action that starts after another never overlaps it.
        var steps = run.Schedule.Actions
            .SelectMany(a => new[] { (Time: a.StartTime, Starts: true, Action: a), (Time: a.EndTime, Starts: false, Action: a) })
            .OrderBy(s => s.Time).ThenBy(s => s.Starts).ThenBy(s => s.Action.Action.Name, StringComparer.Ordinal);
        try
        {
            foreach (var step in steps)
            {
                if (step.Time > run.Schedule.StartTime)
                {
                    _initialActionsWritten.TrySetResult();
                }

                var wait = step.Time - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stop).ConfigureAwait(false);
                }

                var objects = run.ObjectsByAction[step.Action.Action.Name];
                await output.WriteLineAsync($"{Rfc3339.Format(time.GetUtcNow())} {step.Action.Action.Name} {(step.Starts ? "started" : "ended")}").ConfigureAwait(false);
                foreach (var address in objects)
                {
                    if (step.Starts)
                    {
                        await writer.PutAsync(address, ObjectFor(run.ExperimentId, step.Action), stop).ConfigureAwait(false);
                        written.Add(address);
                        Interlocked.Increment(ref _objectsInPlace);
                        await output.WriteLineAsync($"  wrote {address.Shown}").ConfigureAwait(false);
                    }
                    else
                    {
                        await writer.DeleteAsync(address, CancellationToken.None).ConfigureAwait(false);
                        written.Remove(address);
                        Interlocked.Decrement(ref _objectsInPlace);
                        await output.WriteLineAsync($"  deleted {address.Shown}").ConfigureAwait(false);
                    }
                }
            }

            await output.WriteLineAsync($"{Rfc3339.Format(time.GetUtcNow())} experiment {run.ExperimentId} completed").ConfigureAwait(false);
            return ExperimentOutcome.Completed;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync($"{Rfc3339.Format(time.GetUtcNow())} experiment {run.ExperimentId} stopped").ConfigureAwait(false);
            return await DeleteAllAsync(written, ExperimentOutcome.Stopped).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"{Rfc3339.Format(time.GetUtcNow())} experiment {run.ExperimentId} failed: {exception.Message}").ConfigureAwait(false);
            return await DeleteAllAsync(written, ExperimentOutcome.Failed).ConfigureAwait(false);
        }
    }

    private async Task<ExperimentOutcome> DeleteAllAsync(List<FaultObjectAddress> written, ExperimentOutcome outcome)
    {
        foreach (var address in written)
        {
            try
            {
                await writer.DeleteAsync(address, CancellationToken.None).ConfigureAwait(false);
                Interlocked.Decrement(ref _objectsInPlace);
                await output.WriteLineAsync($"  deleted {address.Shown}").ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Its endTime still ends the fault; say so, so nobody is surprised by the file.
                await output.WriteLineAsync($"  could not delete {address.Shown} ({exception.Message}); the extension ignores it after its endTime").ConfigureAwait(false);
                outcome = ExperimentOutcome.Failed;
            }
        }

        return outcome;
    }

    internal static FaultObject ObjectFor(string experimentId, ScheduledAction scheduled) => new()
    {
        ExperimentId = experimentId,
        ActionName = scheduled.Action.Name,
        ActionId = scheduled.Action.ActionId,
        StartTime = Rfc3339.Format(scheduled.StartTime),
        EndTime = Rfc3339.Format(scheduled.EndTime),
        Parameters = scheduled.Action.Parameters,
    };
}
