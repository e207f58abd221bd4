using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Cli;

/// <summary>
/// <c>fisctl run</c>: the experiment exactly as start runs it, with open-loop load through the steady-state window
/// before it, the experiment and the recovery window after it, then the report.
/// </summary>
public static class ExperimentRunCommand
{
    public static async Task<int> RunAsync(ExperimentRequest request, LoadRequest load, FisctlServices services, CancellationToken stop)
    {
        DateTimeOffset loadStart = default;
        var (plan, run, exitCode) = await ExperimentPreparation.PrepareAsync(request, services, planned =>
        {
            // The actions start after the steady-state window (FIS experimentReportConfiguration.preExperimentDuration).
            loadStart = services.Time.GetUtcNow();
            var pre = load.PreExperiment ?? planned.Template.ReportWindows?.PreExperiment ?? ReportWindows.DefaultWindow;
            return planned with { Schedule = ScheduleBuilder.Build(planned.Template, loadStart + pre) };
        }, stop).ConfigureAwait(false);
        if (plan is null || run is null)
        {
            return exitCode;
        }

        var post = load.PostExperiment ?? plan.Template.ReportWindows?.PostExperiment ?? ReportWindows.DefaultWindow;
        using var http = CreateLoadClient(load, services);
        ILoadTarget target = load.InvokeFunction is { } function
            ? new InvokeLoadTarget(http, request.Endpoint, function, load.Body)
            : new HttpLoadTarget(http, load.Urls, load.Method, load.Body);

        // Re-anchor on the moment the load starts, so that printing the plan and building the client do not eat into
        // the steady-state window (a late start would send its requests in a burst during the experiment).
        var delay = services.Time.GetUtcNow() - loadStart;
        loadStart += delay;
        run = run with { Schedule = ScheduleBuilder.Build(plan.Template, run.Schedule.StartTime + delay) };
        var loadEnd = run.Schedule.EndTime + post;
        var describedLoad = load.InvokeFunction is { } invoked ? $"invoke {invoked} at {request.Endpoint}" : string.Join(", ", load.Urls.Select(u => $"{load.Method} {u}"));
        await services.Out.WriteLineAsync($"Load: {describedLoad}, {load.Settings.RatePerSecond} requests/s from {Rfc3339.Format(loadStart)} to {Rfc3339.Format(loadEnd)}").ConfigureAwait(false);

        // A breached --stop-if stops the experiment as Ctrl-C does (the safety lever), and the load with it.
        using var watch = new StopConditionWatch(load.StopRules, services.Time, stop);
        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(watch.Stop);
        using var recording = ExperimentStateFolder.Resolve(services.GetEnvironmentVariable).Record(run, request.TemplatePath, services.Time.GetUtcNow(), services.ProcessId);
        using var writer = new FaultConfigurationWriter(S3Connection.FromEnvironment(services.GetEnvironmentVariable));
        var runner = new ExperimentRunner(writer, services.Time, services.Out);
        var progress = new ExperimentProgress(run, runner, services.Time, services.Out, load.InvokeFunction is null ? ProgressLoad.Answers : ProgressLoad.FaultsLogged);
        using var progressEnds = new CancellationTokenSource();
        var printing = progress.RunAsync(progressEnds.Token);
        var running = runner.RunAsync(run, watch.Stop);
        if (run.Schedule.StartTime <= loadStart)
        {
            // No steady-state window: the first request must find the experiment's first faults already written, or a
            // function's first environment polls before they exist and, idle on the slow cadence, may miss the action.
            await runner.InitialActionsWritten.ConfigureAwait(false);
        }

        var loading = new LoadGenerator(target, load.Settings, services.Time).RunAsync(loadStart, loadEnd, record =>
        {
            watch.Observe(record);
            progress.Observe(record);
        }, stopLoad.Token);
        var outcome = await running.ConfigureAwait(false);
        if (outcome != ExperimentOutcome.Completed)
        {
            await stopLoad.CancelAsync().ConfigureAwait(false);
        }

        var requests = await loading.ConfigureAwait(false);
        await progressEnds.CancelAsync().ConfigureAwait(false);
        await printing.ConfigureAwait(false);
        var report = ReportBuilder.Build(run.ExperimentId, plan.TemplateName, outcome.ToString(), describedLoad, load.Settings.RatePerSecond,
            run.Schedule, loadStart, loadEnd, requests, load.Hypotheses, watch.Breach);
        var folder = load.ReportFolder ?? ReportFiles.DefaultFolder(run.ExperimentId);
        await ReportFiles.WriteAsync(report, folder, CancellationToken.None).ConfigureAwait(false);
        await services.Out.WriteLineAsync($"Report: {Path.GetFullPath(folder)} ({requests.Count} requests)").ConfigureAwait(false);
        foreach (var verdict in report.Hypotheses)
        {
            await services.Out.WriteLineAsync($"Hypothesis \"{verdict.Hypothesis}\": {verdict.Explanation}").ConfigureAwait(false);
        }

        if (watch.Breach is { } breach)
        {
            await services.Out.WriteLineAsync($"Stop condition \"{breach.StopCondition}\" breached at {Rfc3339.Format(breach.At)} ({breach.Value:0.###} over {breach.Requests} requests): experiment stopped, every object deleted.").ConfigureAwait(false);
            return ExitCodes.HypothesisNotHeld;
        }

        return outcome != ExperimentOutcome.Completed ? ExperimentPreparation.ExitCodeOf(outcome)
            : report.Verdict == Verdicts.NotHeld ? ExitCodes.HypothesisNotHeld : ExitCodes.Success;
    }

    /// <summary>Invocations are SigV4-signed as the Lambda API wants; plain URLs are sent as they are. The per-request timeout is the generator's.</summary>
    private static HttpClient CreateLoadClient(LoadRequest load, FisctlServices services)
    {
        var http = load.InvokeFunction is null ? new HttpClient(services.CreateHttpHandler()) : LambdaHttpClient.Create(services);
        http.Timeout = Timeout.InfiniteTimeSpan;
        return http;
    }
}
