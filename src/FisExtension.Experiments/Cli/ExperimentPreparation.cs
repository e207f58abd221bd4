using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Running;

namespace FisExtension.Experiments.Cli;

/// <summary>What start and run share before the first object: check --location, plan, and turn the plan into a run.</summary>
public static class ExperimentPreparation
{
    /// <summary>The plan and run, or nulls and the exit code after the problem was written to <c>services.Error</c>.
    /// <c>reschedule</c> lets run start the actions after its steady-state window.</summary>
    public static async Task<(ExperimentPreview? Plan, ExperimentRun? Run, int ExitCode)> PrepareAsync(
        ExperimentRequest request, FisctlServices services, Func<ExperimentPreview, ExperimentPreview> reschedule, CancellationToken stop)
    {
        if (request.Location is not null && !ConfigurationLocationParser.TryParse(request.Location, out _, out var locationProblem))
        {
            await services.Error.WriteLineAsync($"fisctl: --location {locationProblem}").ConfigureAwait(false);
            return (null, null, ExitCodes.InvalidInput);
        }

        var (planned, exitCode) = await ExperimentPlanning.PlanAsync(request, services, stop).ConfigureAwait(false);
        if (planned is null)
        {
            return (null, null, exitCode);
        }

        var plan = reschedule(planned);
        var run = ExperimentRunPlanner.Plan(plan, services.ExperimentIds.NextId(), out var problems);
        if (run is null)
        {
            await services.Error.WriteLineAsync($"fisctl: experiment not started, nothing was written:").ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await services.Error.WriteLineAsync($"  {problem}").ConfigureAwait(false);
            }

            return (null, null, ExitCodes.Failed);
        }

        PreviewPrinter.Print(plan, services.Out);
        await services.Out.WriteLineAsync($"Experiment {run.ExperimentId} (Ctrl-C stops it and deletes its objects at once)").ConfigureAwait(false);
        return (plan, run, ExitCodes.Success);
    }

    public static int ExitCodeOf(ExperimentOutcome outcome) => outcome switch
    {
        ExperimentOutcome.Completed => ExitCodes.Success,
        ExperimentOutcome.Stopped => ExitCodes.Stopped,
        _ => ExitCodes.Failed,
    };
}
