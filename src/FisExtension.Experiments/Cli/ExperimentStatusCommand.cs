using FisExtension.Experiments.State;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment status EXPERIMENT_ID</c>: one recorded experiment in detail, each action's objects and whether each exists now.</summary>
public static class ExperimentStatusCommand
{
    public static async Task<int> RunAsync(string experimentId, FisctlServices services, CancellationToken cancellationToken)
    {
        if (!ExperimentIdText.IsValid(experimentId))
        {
            await services.Error.WriteLineAsync($"fisctl: {ExperimentIdText.ProblemWith(experimentId)}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var state = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable);
        if (state.ReadAll().FirstOrDefault(r => r.ExperimentId == experimentId) is not { } record)
        {
            await services.Error.WriteLineAsync($"fisctl: Experiment {experimentId} is not running (nothing recorded in {state.Path}). 'fisctl experiment list' shows the running ones.").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        await WriteHeaderAsync(record, services.Out).ConfigureAwait(false);
        using var stores = new FaultObjectStores(S3Connection.FromEnvironment(services.GetEnvironmentVariable));
        try
        {
            foreach (var action in record.Objects.GroupBy(o => o.Action, StringComparer.Ordinal))
            {
                await services.Out.WriteLineAsync($"  action {action.Key}").ConfigureAwait(false);
                foreach (var recorded in action)
                {
                    var present = await IsPresentAsync(recorded, stores, cancellationToken).ConfigureAwait(false);
                    await services.Out.WriteLineAsync($"    {recorded.Function}: {(present ? "present" : "absent")} {recorded.Path}").ConfigureAwait(false);
                }
            }
        }
        catch (IOException exception)
        {
            await services.Error.WriteLineAsync($"fisctl: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }

    /// <summary>Whether a recorded object is in its store now.</summary>
    public static Task<bool> IsPresentAsync(RecordedObject recorded, FaultObjectStores stores, CancellationToken cancellationToken)
    {
        var (location, key) = recorded.StoredAt();
        return stores.Open(location).ExistsAsync(key, cancellationToken);
    }

    /// <summary>The lines list and status share: id, template, start and whether its fisctl still runs.</summary>
    public static async Task WriteHeaderAsync(RunningExperiment record, TextWriter output)
    {
        await output.WriteLineAsync($"{record.ExperimentId}  template {record.Template}").ConfigureAwait(false);
        await output.WriteLineAsync($"  started {record.StartTime}, fisctl pid {record.Pid} ({(ProcessSignals.IsFisctlAlive(record.Pid) ? "alive" : "not running")})").ConfigureAwait(false);
    }
}
