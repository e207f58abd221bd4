using System.Diagnostics;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Cli;

/// <summary>The built fisctl executable itself, as a user runs it: exit codes and output streams of a real process.</summary>
public sealed class FisctlProcessTests : IDisposable
{
    /// <summary>Where these processes record running experiments, instead of the user's own state folder.</summary>
    private readonly ConfigurationFolders _state = new();

    public void Dispose() => _state.Dispose();

    private Process StartFisctl(params string[] args)
    {
        // As a user starts it in a terminal: SIGINT at its default. A test run started in the background (nohup, CI) hands
        // its processes SIGINT ignored, and a process that starts with it ignored keeps it ignored (signal(7), execve(2);
        // .NET respects that), so Ctrl-C would never reach fisctl.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment[ExperimentStateFolder.StateDirectoryVariable] = _state.Root;
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fisctl.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        return Process.Start(start)!;
    }

    private async Task<(int ExitCode, string Out, string Error)> RunFisctlAsync(params string[] args)
    {
        using var process = StartFisctl(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Fact(Timeout = 60_000)]
    public async Task InvalidTemplate_ExitsWithCode2_AndTheProblemOnStandardError()
    {
        using var files = new TemplateFiles();
        var template = files.Write(TemplateJson.Valid.Replace("\"PT2M\"", "\"PT13H\"", StringComparison.Ordinal));

        var (exitCode, output, error) = await RunFisctlAsync("experiment", "preview", template);

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Contains("  $.actions.slow.parameters.duration: \"PT13H\" is above PT12H. An action runs at most 12 hours.", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Preview_ExitsWithCode0_AndPrintsThePlan()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));

        var (exitCode, output, error) = await RunFisctlAsync("experiment", "preview", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString(), "--seed", "9");

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains("    targets: Functions (orders-create, orders-get)", output, StringComparison.Ordinal);
        Assert.Contains("Seed 9 ", output, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_WritesAndDeletesEachActionsObjectsOnTime_ThenExits0()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"));
        using var folders = new ConfigurationFolders();
        using var files = new TemplateFiles();
        var template = files.Write(TemplateJson.Valid.Replace("\"PT2M\"", "\"PT1S\"", StringComparison.Ordinal).Replace("\"PT1M\"", "\"PT0.5S\"", StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();

        var (exitCode, output, error) = await RunFisctlAsync("experiment", "start", template, "--endpoint", api.Endpoint.ToString(), "--location", folders.Root);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
        var steps = output.Split(Environment.NewLine).Where(l => l.StartsWith("  wrote ", StringComparison.Ordinal) || l.StartsWith("  deleted ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, steps.Count);
        Assert.Matches("^  wrote .*/orders-get/EXP[A-Za-z0-9]{14}-slow.json$", steps[0]);
        Assert.Matches("^  deleted .*/orders-get/EXP[A-Za-z0-9]{14}-slow.json$", steps[1]);
        Assert.Matches("^  wrote .*/orders-get/EXP[A-Za-z0-9]{14}-fail.json$", steps[2]);
        Assert.Matches("^  deleted .*/orders-get/EXP[A-Za-z0-9]{14}-fail.json$", steps[3]);
        Assert.Empty(folders.Keys());
    }

    [Fact(Timeout = 60_000)]
    public async Task CtrlC_DeletesTheObjectsAtOnce_AndExits130()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));
        using var folders = new ConfigurationFolders();
        using var process = StartFisctl("experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString(), "--location", folders.Root);
        var error = process.StandardError.ReadToEndAsync();
        var wroteLines = 0;
        while (wroteLines < 2 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            wroteLines += line.StartsWith("  wrote ", StringComparison.Ordinal) ? 1 : 0;
        }

        var written = folders.Keys();
        var clock = Stopwatch.StartNew();
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, written.Count);
        Assert.Equal((130, ""), (process.ExitCode, await error));
        // "At once" against the action's minutes; a loaded machine may take seconds to start and run the kill.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Contains("stopped", rest, StringComparison.Ordinal);
        Assert.Empty(folders.Keys());
    }

    [Fact(Timeout = 60_000)]
    public async Task Stop_InTheMiddleOfAnAction_DeletesTheObjects_AndTheRunningStartProcessEnds()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));
        using var folders = new ConfigurationFolders();
        using var start = StartFisctl("experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString(), "--location", folders.Root);
        var startError = start.StandardError.ReadToEndAsync();
        string? experimentId = null;
        var wroteLines = 0;
        while (wroteLines < 2 && await start.StandardOutput.ReadLineAsync() is { } line)
        {
            experimentId ??= line.StartsWith("Experiment ", StringComparison.Ordinal) ? line.Split(' ')[1] : null;
            wroteLines += line.StartsWith("  wrote ", StringComparison.Ordinal) ? 1 : 0;
        }

        var written = folders.Keys();
        var (_, list, _) = await RunFisctlAsync("experiment", "list");
        var clock = Stopwatch.StartNew();
        var (exitCode, output, error) = await RunFisctlAsync("experiment", "stop", experimentId!);
        var startRest = start.StandardOutput.ReadToEndAsync();
        await start.WaitForExitAsync();

        Assert.Equal(2, written.Count);
        Assert.Contains($"{experimentId}  template {TemplateFiles.Sample("lambda-start-delay.json")}", list, StringComparison.Ordinal);
        Assert.Contains($", fisctl pid {start.Id} (alive)", list, StringComparison.Ordinal);
        Assert.Equal((0, ""), (exitCode, error));
        Assert.Contains($"signalled fisctl (pid {start.Id}) running {experimentId} to stop", output, StringComparison.Ordinal);
        Assert.Contains($"Stopped {experimentId}: ", output, StringComparison.Ordinal);
        Assert.Contains("Every environment stops injecting within 20 s (one hot poll); a frozen environment on its next invocation.", output, StringComparison.Ordinal);
        Assert.Equal((130, ""), (start.ExitCode, await startError));
        Assert.Contains($"experiment {experimentId} stopped", await startRest, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Empty(folders.Keys());
        Assert.Empty(_state.Keys());
    }
}
