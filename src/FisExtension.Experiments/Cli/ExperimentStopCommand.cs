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

    public static async Task<int> RunAsync(string? experimentId, bool all, IReadOnlyList<string> locationTexts, FisctlServices services, CancellationToken cancellationToken)
    {
        var problem = (experimentId, all) switch
        {
            (null, false) => "name the experiment to stop (fisctl experiment stop EXPERIMENT_ID) or pass --all.",
            (not null, true) => $"pass either EXPERIMENT_ID ({experimentId}) or --all, not both.",
            (not null, false) when !ExperimentIdText.IsValid(experimentId) => ExperimentIdText.ProblemWith(experimentId),
            _ => null,
        };
        var locations = new List<ConfigurationLocation>();
        foreach (var location in locationTexts)
        {
            if (ConfigurationLocationParser.TryParse(location, out var parsed, out var locationProblem))
            {
                locations.Add(parsed);
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

        using var stores = new FaultObjectStores(S3Connection.FromEnvironment(services.GetEnvironmentVariable));
        try
        {
            return await StopAsync(experimentId, all, locations, locationTexts, stores, services, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await services.Error.WriteLineAsync($"fisctl: {exception.Message} Objects not deleted yet still end at their endTime.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> StopAsync(string? experimentId, bool all, List<ConfigurationLocation> locations, IReadOnlyList<string> locationTexts,
        FaultObjectStores stores, FisctlServices services, CancellationToken cancellationToken)
    {
        bool Matches(string id) => all || string.Equals(id, experimentId, StringComparison.Ordinal);
        var state = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable);
        var records = state.ReadAll().Where(r => Matches(r.ExperimentId)).ToList();
        var objects = new SortedDictionary<string, (ConfigurationLocation Location, string Key)>(StringComparer.Ordinal);
        foreach (var recorded in records.SelectMany(r => r.Objects))
        {
            var (location, key) = recorded.StoredAt();
            objects[location.ShowKey(key)] = (location, key);
        }

        var scannedIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            foreach (var (key, id) in await FaultObjectScanner.ScanAsync(stores.Open(location), cancellationToken).ConfigureAwait(false))
            {
                if (Matches(id))
                {
                    objects[location.ShowKey(key)] = (location, key);
                    scannedIds.Add(id);
                }
            }
        }

        // Counted before the signal: the signalled fisctl deletes its own objects as it exits.
        var present = new List<(string Shown, ConfigurationLocation Location, string Key)>();
        foreach (var (shown, (location, key)) in objects)
        {
            if (await stores.Open(location).ExistsAsync(key, cancellationToken).ConfigureAwait(false))
            {
                present.Add((shown, location, key));
            }
        }

        if (records.Count == 0 && present.Count == 0)
        {
            var what = all ? "No experiment is running" : $"Experiment {experimentId} is not running";
            await services.Error.WriteLineAsync($"fisctl: {what}: nothing recorded in {state.Path}{(locations.Count > 0 ? " and no object of it under " + string.Join(", ", locationTexts) : "")}. "
                + "Pass --location LOC to look for objects a crashed fisctl left.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        foreach (var record in records.Where(r => r.Pid != services.ProcessId && ProcessSignals.IsFisctlAlive(r.Pid)))
        {
            if (ProcessSignals.Terminate(record.Pid))
            {
                await services.Out.WriteLineAsync($"signalled fisctl (pid {record.Pid}) running {record.ExperimentId} to stop").ConfigureAwait(false);
                await WaitForExitAsync(record.Pid, services.Time, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (shown, location, key) in present)
        {
            await stores.Open(location).DeleteAsync(key, cancellationToken).ConfigureAwait(false);
            await services.Out.WriteLineAsync($"  deleted {shown}").ConfigureAwait(false);
        }

        foreach (var record in records)
        {
            state.Remove(record.ExperimentId);
        }

        var stopped = string.Join(", ", records.Select(r => r.ExperimentId).Union(scannedIds, StringComparer.Ordinal).Order(StringComparer.Ordinal));
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
