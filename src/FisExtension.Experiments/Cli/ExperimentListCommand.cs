using FisExtension.Experiments.State;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment list</c>: each recorded experiment, its template, start, process and where its objects are.</summary>
public static class ExperimentListCommand
{
    public static async Task<int> RunAsync(FisctlServices services)
    {
        var state = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable);
        var records = state.ReadAll();
        if (records.Count == 0)
        {
            await services.Out.WriteLineAsync($"No experiment is running (nothing recorded in {state.Path}).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var record in records)
        {
            await ExperimentStatusCommand.WriteHeaderAsync(record, services.Out).ConfigureAwait(false);
            var present = record.Objects.Count(o => File.Exists(o.Path));
            var locations = record.Objects.Select(o => Path.GetDirectoryName(Path.GetDirectoryName(o.Path))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            await services.Out.WriteLineAsync($"  objects: {present} of {record.Objects.Count} present, in {string.Join(", ", locations)}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
