using System.Diagnostics;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Cli;

/// <summary>The built fisctl executable itself, as a user runs it: exit codes and output streams of a real process.</summary>
public sealed class FisctlProcessTests
{
    private static async Task<(int ExitCode, string Out, string Error)> RunFisctlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fisctl.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
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
}
