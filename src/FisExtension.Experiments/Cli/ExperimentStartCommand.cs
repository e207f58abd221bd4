using FisExtension.Experiments.Running;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment start</c>: plan as preview does, then put and delete the objects on schedule until done or stopped.</summary>
public static class ExperimentStartCommand
{
    public static async Task<int> RunAsync(ExperimentRequest request, FisctlServices services, CancellationToken stop)
    {
        var (_, run, exitCode) = await ExperimentPreparation.PrepareAsync(request, services, plan => plan, stop).ConfigureAwait(false);
        if (run is null)
        {
            return exitCode;
        }

        using var recording = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable).Record(run, request.TemplatePath, services.Time.GetUtcNow(), services.ProcessId);
        using var writer = new FaultConfigurationWriter(S3Connection.FromEnvironment(services.GetEnvironmentVariable));
        var runner = new ExperimentRunner(writer, services.Time, services.Out);
        using var progressEnds = new CancellationTokenSource();
        var progress = new ExperimentProgress(run, runner, services.Time, services.Out, ProgressLoad.None).RunAsync(progressEnds.Token);
        var outcome = await runner.RunAsync(run, stop).ConfigureAwait(false);
        await progressEnds.CancelAsync().ConfigureAwait(false);
        await progress.ConfigureAwait(false);
        return ExperimentPreparation.ExitCodeOf(outcome);
    }
}
