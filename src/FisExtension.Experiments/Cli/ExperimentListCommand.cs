using FisExtension.Experiments.State;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment list</c>: each recorded experiment, its template, start, process and where its objects are.</summary>
public static class ExperimentListCommand
{
    public static async Task<int> RunAsync(FisctlServices services, CancellationToken cancellationToken)
    {
        var state = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable);
        var records = state.ReadAll();
        if (records.Count == 0)
        {
            await services.Out.WriteLineAsync($"No experiment is running (nothing recorded in {state.Path}).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        using var stores = new FaultObjectStores(S3Connection.FromEnvironment(services.GetEnvironmentVariable));
        try
        {
            foreach (var record in records)
            {
                await ExperimentStatusCommand.WriteHeaderAsync(record, services.Out).ConfigureAwait(false);
                var present = 0;
                foreach (var recorded in record.Objects)
                {
                    present += await ExperimentStatusCommand.IsPresentAsync(recorded, stores, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }

                var locations = record.Objects.Select(o => o.StoredAt().Location.Show()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                await services.Out.WriteLineAsync($"  objects: {present} of {record.Objects.Count} present, in {string.Join(", ", locations)}").ConfigureAwait(false);
            }
        }
        catch (IOException exception)
        {
            await services.Error.WriteLineAsync($"fisctl: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }
}
