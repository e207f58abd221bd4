using System.Diagnostics;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Cli;

/// <summary>The built fisctl executable itself, as a user runs it: exit codes and output streams of a real process.</summary>
public sealed class FisctlProcessTests
{
    private static Process StartFisctl(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fisctl.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        return Process.Start(start)!;
    }

    private static async Task<(int ExitCode, string Out, string Error)> RunFisctlAsync(params string[] args)
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
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Contains("stopped", rest, StringComparison.Ordinal);
        Assert.Empty(folders.Keys());
    }
}
