using FisExtension.Experiments.State;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary>
/// <c>fisctl experiment stop</c>, the safety lever: signals the fisctl still running the experiment so it writes nothing
/// more, then deletes every object of it (recorded, or found under --location) at once.
/// </summary>
public static class ExperimentStopCommand
{
    /// <summary>How long the signalled fisctl gets to exit (it deletes its own objects as it does) before stop deletes them.</summary>
    private static readonly TimeSpan SignalledExitWait = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string? experimentId, bool all, IReadOnlyList<string> locations, FisctlServices services, CancellationToken cancellationToken)
    {
        var problem = (experimentId, all) switch
        {
            (null, false) => "name the experiment to stop (fisctl experiment stop EXPERIMENT_ID) or pass --all.",
            (not null, true) => $"pass either EXPERIMENT_ID ({experimentId}) or --all, not both.",
            (not null, false) when !ExperimentIdText.IsValid(experimentId) => ExperimentIdText.ProblemWith(experimentId),
            _ => null,
        };
        var folders = new List<ConfigurationFolder>();
        foreach (var location in locations)
        {
            if (ConfigurationFolder.Parse(location, out var locationProblem) is { } folder)
            {
                folders.Add(folder);
            }
            else
            {
                problem ??= $"--location {locationProblem}";
            }
        }

        if (problem is not null)
        {
            await services.Error.WriteLineAsync($"fisctl: {problem} Nothing was deleted.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        bool Matches(string id) => all || string.Equals(id, experimentId, StringComparison.Ordinal);
        var state = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable);
        var records = state.ReadAll().Where(r => Matches(r.ExperimentId)).ToList();
        var paths = new SortedSet<string>(records.SelectMany(r => r.Objects.Select(o => o.Path)), StringComparer.Ordinal);
        var scanned = folders.SelectMany(FaultObjectScanner.Scan).Where(o => Matches(o.ExperimentId)).ToList();
        paths.UnionWith(scanned.Select(o => o.Path));
        if (records.Count == 0 && !paths.Any(File.Exists))
        {
            var what = all ? "No experiment is running" : $"Experiment {experimentId} is not running";
            await services.Error.WriteLineAsync($"fisctl: {what}: nothing recorded in {state.Path}{(folders.Count > 0 ? " and no object of it under " + string.Join(", ", locations) : "")}. "
                + "Pass --location LOC to look for objects a crashed fisctl left.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        // Counted before the signal: the signalled fisctl deletes its own objects as it exits.
        var present = paths.Where(File.Exists).ToList();
        foreach (var record in records.Where(r => r.Pid != services.ProcessId && ProcessSignals.IsFisctlAlive(r.Pid)))
        {
            if (ProcessSignals.Terminate(record.Pid))
            {
                await services.Out.WriteLineAsync($"signalled fisctl (pid {record.Pid}) running {record.ExperimentId} to stop").ConfigureAwait(false);
                await WaitForExitAsync(record.Pid, services.Time, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var path in present)
        {
            File.Delete(path);
            await services.Out.WriteLineAsync($"  deleted {path}").ConfigureAwait(false);
        }

        foreach (var record in records)
        {
            state.Remove(record.ExperimentId);
        }

        var stopped = string.Join(", ", records.Select(r => r.ExperimentId).Union(scanned.Select(o => o.ExperimentId), StringComparer.Ordinal).Order(StringComparer.Ordinal));
        await services.Out.WriteLineAsync($"Stopped {stopped}: {present.Count} object(s) deleted. Every environment stops injecting within {FisctlDefaults.HotPollInterval.TotalSeconds:0} s (one hot poll); a frozen environment on its next invocation.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task WaitForExitAsync(int pid, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + SignalledExitWait;
        while (ProcessSignals.IsFisctlAlive(pid) && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
