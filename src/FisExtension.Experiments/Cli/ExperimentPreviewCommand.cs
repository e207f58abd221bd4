using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Cli;

/// <summary><c>fisctl experiment preview</c>: read and check the template, resolve and select targets, print the plan.</summary>
public static class ExperimentPreviewCommand
{
    public static async Task<int> RunAsync(PreviewRequest request, FisctlServices services, CancellationToken cancellationToken)
    {
        var template = await TemplateFile.ReadAsync(request.TemplatePath, services.Error, cancellationToken).ConfigureAwait(false);
        if (template is null)
        {
            return ExitCodes.InvalidInput;
        }

        var seed = request.Seed ?? services.Seeds.NextSeed();
        using var http = LambdaHttpClient.Create(services);
        var resolver = new LambdaApiFunctionResolver(new LambdaApiClient(http, request.Endpoint));
        IReadOnlyList<ResolvedTarget> targets;
        try
        {
            targets = await TargetResolution.ResolveAsync(template, resolver, seed, cancellationToken).ConfigureAwait(false);
        }
        catch (TargetResolutionException exception)
        {
            await services.Error.WriteLineAsync($"fisctl: {exception.Message} (seed {seed})").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var schedule = ScheduleBuilder.Build(template, services.Time);
        PreviewPrinter.Print(new ExperimentPreview(Path.GetFileName(request.TemplatePath), template, seed, request.Endpoint, targets, schedule, request.Location), services.Out);
        return ExitCodes.Success;
    }
}
