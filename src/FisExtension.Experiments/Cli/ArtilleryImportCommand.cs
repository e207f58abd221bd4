using System.CommandLine;
using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load.Artillery;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Cli;

/// <summary>
/// <c>fisctl report --artillery FILE --experiment REPORT.json</c>: the report of an experiment whose load Artillery
/// made (<c>artillery run --output FILE</c>, on this machine or distributed), with the windows and actions of the
/// <c>report.json</c> of the <c>fisctl run</c> that ran the experiment. A file that is not what it should be exits 2
/// naming the file and the JSON path.
/// </summary>
public static class ArtilleryImportCommand
{
    public static Command Create(FisctlServices services)
    {
        var artillery = new Option<string>("--artillery") { Description = "The JSON report of 'artillery run --output FILE'.", Required = true };
        var experiment = new Option<string>("--experiment") { Description = "The report.json of the 'fisctl run' of the experiment: its windows and action times.", Required = true };
        var report = new Option<string?>("--report") { Description = "Folder for the report; default artifacts/experiments/<experiment id>/artillery/." };
        var hypothesis = HypothesisOption.Create("What should hold, judged on Artillery's windows, e.g. \"experiment.errorRate < 50%\"; repeatable (exit 3 if one does not hold).");
        var command = new Command("report", "Build an experiment report from Artillery's JSON report (load bigger than one machine) and the report.json of the fisctl run of the experiment.")
        {
            artillery, experiment, report, hypothesis,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed.GetValue(artillery)!, parsed.GetValue(experiment)!, parsed.GetValue(report),
            HypothesisOption.Claims(parsed, hypothesis), services, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string artilleryFile, string experimentFile, string? folder, IReadOnlyList<Claim> hypotheses, FisctlServices services, CancellationToken cancellationToken)
    {
        ExperimentReport report;
        try
        {
            report = ArtilleryReportBuilder.Build(RecordedExperimentReader.Read(experimentFile), ArtilleryReportReader.Read(artilleryFile), hypotheses);
        }
        catch (ArtilleryFormatException e)
        {
            await services.Error.WriteLineAsync($"fisctl: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        folder ??= Path.Combine(ReportFiles.DefaultFolder(report.ExperimentId), "artillery");
        await ReportFiles.WriteAsync(report, folder, cancellationToken).ConfigureAwait(false);
        var requests = report.Windows.Sum(w => w.Overall.Requests);
        await services.Out.WriteLineAsync($"Report: {Path.GetFullPath(folder)} ({requests} requests in Artillery's periods; percentiles estimated from its quantiles)").ConfigureAwait(false);
        foreach (var verdict in report.Hypotheses)
        {
            await services.Out.WriteLineAsync($"Hypothesis \"{verdict.Hypothesis}\": {verdict.Explanation}").ConfigureAwait(false);
        }

        return report.Verdict == Verdicts.NotHeld ? ExitCodes.HypothesisNotHeld : ExitCodes.Success;
    }
}
