using FisExtension.Experiments.Preview;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment preview</c>: print the plan; write nothing.</summary>
public static class ExperimentPreviewCommand
{
    public static async Task<int> RunAsync(ExperimentRequest request, FisctlServices services, CancellationToken cancellationToken)
    {
        var (plan, exitCode) = await ExperimentPlanning.PlanAsync(request, services, cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            PreviewPrinter.Print(plan, services.Out);
            await services.Out.WriteLineAsync("Nothing was written.").ConfigureAwait(false);
        }

        return exitCode;
    }
}
