using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;

namespace FisExtension.Experiments.Cli;

/// <summary>What preview and start share: read and check the template, resolve and select the targets, schedule the actions.</summary>
public static class ExperimentPlanning
{
    /// <summary>The plan, or null with the exit code after the problem was written to <c>services.Error</c>.</summary>
    public static async Task<(ExperimentPreview? Plan, int ExitCode)> PlanAsync(ExperimentRequest request, FisctlServices services, CancellationToken cancellationToken)
    {
        var seed = request.Seed ?? services.Seeds.NextSeed();
        try
        {
            var template = await TemplateFile.ReadAsync(request.TemplatePath, services.Error, cancellationToken).ConfigureAwait(false);
            if (template is null)
            {
                return (null, ExitCodes.InvalidInput);
            }

            using var http = LambdaHttpClient.Create(services);
            var resolver = new LambdaApiFunctionResolver(new LambdaApiClient(http, request.Endpoint));
            var targets = await TargetResolution.ResolveAsync(template, resolver, seed, cancellationToken).ConfigureAwait(false);
            var schedule = ScheduleBuilder.Build(template, services.Time);
            return (new ExperimentPreview(Path.GetFileName(request.TemplatePath), template, seed, request.Endpoint, targets, schedule, request.Location), ExitCodes.Success);
        }
        catch (TargetResolutionException exception)
        {
            await services.Error.WriteLineAsync($"fisctl: {exception.Message} (seed {seed})").ConfigureAwait(false);
            return (null, ExitCodes.Failed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C while reading the template or asking the Lambda API: nothing has been written yet.
            await services.Error.WriteLineAsync("fisctl: stopped before anything was written.").ConfigureAwait(false);
            return (null, ExitCodes.Stopped);
        }
    }
}
