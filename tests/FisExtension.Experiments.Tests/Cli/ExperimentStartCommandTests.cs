using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Cli;

public sealed class ExperimentStartCommandTests : IDisposable
{
    private readonly ConfigurationFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    private static Dictionary<string, string> Location(string location) => new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = location };

    [Fact(Timeout = 30_000)]
    public async Task Start_WritesTheFirstActionsObjects_AndStoppingDeletesThem()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: Location(_folders.Root)), new FakeFunction("orders-create", Environment: Location(_folders.Root)));
        using var stop = new CancellationTokenSource();

        var running = FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()], stop: stop.Token);
        Assert.True(await Eventually.TrueAsync(() => _folders.Objects().Count == 2), "fisctl did not write the objects in time");
        var written = _folders.Keys();
        await stop.CancelAsync();
        var run = await running;

        Assert.Equal(["orders-create/EXPtest1-inject-delay.json", "orders-get/EXPtest1-inject-delay.json"], written);
        Assert.Equal((130, ""), (run.ExitCode, run.Error));
        Assert.Empty(_folders.Keys());
        Assert.Contains("Experiment EXPtest1 (Ctrl-C stops it and deletes its objects at once)", run.OutLines);
        Assert.Contains("2026-11-25T10:00:00Z experiment EXPtest1 stopped", run.OutLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task StoppedWhilePlanning_Exits130_AndNothingIsWritten()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: Location(_folders.Root)), new FakeFunction("orders-create", Environment: Location(_folders.Root)));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var run = await FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()], stop: stop.Token);

        Assert.Equal((130, "", "fisctl: stopped before anything was written." + Environment.NewLine), (run.ExitCode, run.Out, run.Error));
        Assert.Empty(_folders.Keys());
    }

    [Fact(Timeout = 30_000)]
    public async Task FunctionWithoutLocation_BlocksTheStart_AndNothingIsWritten()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: Location(_folders.Root)), new FakeFunction("orders-create"));

        var run = await FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Assert.Equal(
            "fisctl: experiment not started, nothing was written:" + Environment.NewLine
            + "  function orders-create has no AWS_FIS_CONFIGURATION_LOCATION, so its extension would read no fault. Set it on the function, or pass --location." + Environment.NewLine,
            run.Error);
        Assert.Empty(_folders.Keys());
    }

    [Fact(Timeout = 30_000)]
    public async Task AlarmStopCondition_BlocksTheStart_AndNothingIsWritten()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: Location(_folders.Root)));
        using var files = new TemplateFiles();
        const string alarm = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-errors";
        var template = files.Write(TemplateJson.Valid.Replace("{ \"source\": \"none\" }", $"{{ \"source\": \"aws:cloudwatch:alarm\", \"value\": \"{alarm}\" }}", StringComparison.Ordinal));

        var preview = await FisctlRun.RunAsync(["experiment", "preview", template, "--endpoint", api.Endpoint.ToString()]);
        var start = await FisctlRun.RunAsync(["experiment", "start", template, "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal(0, preview.ExitCode);
        Assert.Contains($"  stop conditions: aws:cloudwatch:alarm {alarm}", preview.OutLines);
        Assert.Equal((1, ""), (start.ExitCode, start.Out));
        Assert.Contains($"  stop condition {alarm} is a CloudWatch alarm, which fisctl cannot watch yet: the experiment would run without that safety net.", start.Error, StringComparison.Ordinal);
        Assert.Empty(_folders.Keys());
    }
}
