using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment start</c>: plan as preview does, then put and delete the objects on schedule until done or stopped.</summary>
public static class ExperimentStartCommand
{
    public static async Task<int> RunAsync(ExperimentRequest request, FisctlServices services, CancellationToken stop)
    {
        if (request.Location is not null && ConfigurationFolder.Parse(request.Location, out var locationProblem) is null)
        {
            await services.Error.WriteLineAsync($"fisctl: --location {locationProblem}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        var (plan, exitCode) = await ExperimentPlanning.PlanAsync(request, services, stop).ConfigureAwait(false);
        if (plan is null)
        {
            return exitCode;
        }

        var experimentId = services.ExperimentIds.NextId();
        var run = ExperimentRunPlanner.Plan(plan, experimentId, out var problems);
        if (run is null)
        {
            await services.Error.WriteLineAsync($"fisctl: experiment not started, nothing was written:").ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await services.Error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }

        PreviewPrinter.Print(plan, services.Out);
        await services.Out.WriteLineAsync($"Experiment {experimentId} (Ctrl-C stops it and deletes its objects at once)").ConfigureAwait(false);
        var outcome = await new ExperimentRunner(new DirectoryFaultConfigurationWriter(), services.Time, services.Out).RunAsync(run, stop).ConfigureAwait(false);
        return outcome switch
        {
            ExperimentOutcome.Completed => ExitCodes.Success,
            ExperimentOutcome.Stopped => ExitCodes.Stopped,
            _ => ExitCodes.Failed,
        };
    }
}
