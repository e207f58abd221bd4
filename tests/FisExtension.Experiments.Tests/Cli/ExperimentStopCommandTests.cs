using Microsoft.AspNetCore.Http;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Tests.Harness;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Cli;

/// <summary>fisctl experiment stop, list and status in-process, against objects in a real folder and records in a real state folder.</summary>
public sealed class ExperimentStopCommandTests : IDisposable
{
    private const string Propagation = "Every environment stops injecting within 20 s (one hot poll); a frozen environment on its next invocation.";

    private readonly ConfigurationFolders _folders = new();
    private readonly ConfigurationFolders _state = new();

    public void Dispose()
    {
        _folders.Dispose();
        _state.Dispose();
    }

    private Dictionary<string, string> Environment => new()
    {
        ["AWS_FIS_CONFIGURATION_LOCATION"] = _folders.Root,
        [ExperimentStateFolder.StateDirectoryVariable] = _state.Root,
    };

    /// <summary>An object as a fisctl that crashed left it: in the folder, recorded nowhere.</summary>
    private async Task WriteCrashedObjectAsync(string experimentId, string function = "orders-get", string action = "slow") =>
        await new FaultConfigurationWriter(S3Connection.FromEnvironment(_ => null)).PutAsync(new FaultObjectAddress(new DirectoryConfigurationLocation(_folders.Root), function, experimentId, action), new FaultObject
        {
            ExperimentId = experimentId,
            ActionName = action,
            ActionId = "aws:lambda:invocation-add-delay",
            StartTime = "2026-11-25T10:00:00Z",
            EndTime = "2026-11-25T10:05:00Z",
            Parameters = new Dictionary<string, string> { ["startupDelayMilliseconds"] = "1000" },
        }, CancellationToken.None);

    /// <summary>Starts lambda-start-delay in-process (the fake clock holds it in its first action) and waits for its two objects.</summary>
    private async Task<(Task<FisctlRun> Running, FakeLambdaApi Api)> StartAsync(CancellationToken stop, int? processId = null)
    {
        var location = new Dictionary<string, string> { ["AWS_FIS_CONFIGURATION_LOCATION"] = _folders.Root };
        var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: location), new FakeFunction("orders-create", Environment: location));
        var running = FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()], environment: Environment, stop: stop, processId: processId);
        Assert.True(await Eventually.TrueAsync(() => _folders.Objects().Count == 2 && _state.Keys().Count == 1), "fisctl did not write the objects in time");
        return (running, api);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stop_InTheMiddleOfAnAction_DeletesItsRecordedObjects_AndSaysWhenEveryEnvironmentSeesIt()
    {
        using var stopStart = new CancellationTokenSource();
        var (running, api) = await StartAsync(stopStart.Token);
        await using var _ = api;

        var stop = await FisctlRun.RunAsync(["experiment", "stop", FisctlRun.ExperimentId], environment: Environment);
        var keysAfterStop = _folders.Keys();
        var recordsAfterStop = _state.Keys();
        await stopStart.CancelAsync();
        await running;

        Assert.Equal((0, ""), (stop.ExitCode, stop.Error));
        Assert.Empty(keysAfterStop);
        Assert.Empty(recordsAfterStop);
        Assert.Contains($"  deleted {_folders.Root}orders-create/EXPtest1-inject-delay.json", stop.OutLines);
        Assert.Contains($"  deleted {_folders.Root}orders-get/EXPtest1-inject-delay.json", stop.OutLines);
        Assert.Contains("Stopped EXPtest1: 2 object(s) deleted. " + Propagation, stop.OutLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task StopAll_DeletesTheRunningAndTheCrashedExperimentsObjects_AndLeavesOtherFiles()
    {
        using var stopStart = new CancellationTokenSource();
        var (running, api) = await StartAsync(stopStart.Token);
        await using var _ = api;
        await WriteCrashedObjectAsync("EXPcrashed1");
        await WriteCrashedObjectAsync("EXPcrashed2", "orders-create", "fail");
        await File.WriteAllTextAsync(Path.Combine(_folders.Root, "orders-get", "notes-v1.json"), "not a fault object");

        var stop = await FisctlRun.RunAsync(["experiment", "stop", "--all", "--location", _folders.Root], environment: Environment);
        var keysAfterStop = _folders.Keys();
        await stopStart.CancelAsync();
        await running;

        Assert.Equal((0, ""), (stop.ExitCode, stop.Error));
        Assert.Equal(["orders-get/notes-v1.json"], keysAfterStop);
        Assert.Contains("Stopped EXPcrashed1, EXPcrashed2, EXPtest1: 4 object(s) deleted. " + Propagation, stop.OutLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task StopById_WithLocation_DeletesOnlyThatExperimentsObjects()
    {
        await WriteCrashedObjectAsync("EXPcrashed1");
        await WriteCrashedObjectAsync("EXPcrashed1", "orders-create");
        await WriteCrashedObjectAsync("EXPother");

        var stop = await FisctlRun.RunAsync(["experiment", "stop", "EXPcrashed1", "--location", "file://" + _folders.Root], environment: Environment);

        Assert.Equal((0, ""), (stop.ExitCode, stop.Error));
        Assert.Equal(["orders-get/EXPother-slow.json"], _folders.Keys());
        Assert.Contains("Stopped EXPcrashed1: 2 object(s) deleted. " + Propagation, stop.OutLines);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("", "fisctl: name the experiment to stop (fisctl experiment stop EXPERIMENT_ID) or pass --all. Nothing was deleted.")]
    [InlineData("EXPcrashed1 --all", "fisctl: pass either EXPERIMENT_ID (EXPcrashed1) or --all, not both. Nothing was deleted.")]
    [InlineData("../EXPcrashed1", "fisctl: \"../EXPcrashed1\" is not an experiment id (letters and digits, e.g. EXPa1b2c3d4e5f6g7). 'fisctl experiment list' shows the running ones. Nothing was deleted.")]
    [InlineData("--all --location s3://Bucket/fis/", "fisctl: --location \"s3://Bucket/fis/\": bucket name \"Bucket\" contains 'B'. S3 bucket names use only lowercase letters, digits, '.' and '-'. Nothing was deleted.")]
    [InlineData("--all --location relative/fis/", "fisctl: --location \"relative/fis/\" is not a location the extension understands. Use arn:aws:s3:::bucket/prefix/, s3://bucket/prefix/, or an absolute directory such as /tmp/fis/ or file:///tmp/fis/. Nothing was deleted.")]
    public async Task BadInput_Exits2_NamesTheProblem_AndDeletesNothing(string arguments, string message)
    {
        await WriteCrashedObjectAsync("EXPcrashed1");

        var stop = await FisctlRun.RunAsync(["experiment", "stop", .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--location", _folders.Root], environment: Environment);

        Assert.Equal((2, "", message + System.Environment.NewLine), (stop.ExitCode, stop.Out, stop.Error));
        Assert.Equal(["orders-get/EXPcrashed1-slow.json"], _folders.Keys());
    }

    [Fact(Timeout = 30_000)]
    public async Task StopOfAnUnknownId_Exits1_WithAClearMessage_AndDeletesNothing()
    {
        await WriteCrashedObjectAsync("EXPother");

        var stop = await FisctlRun.RunAsync(["experiment", "stop", "EXPnope", "--location", _folders.Root], environment: Environment);

        Assert.Equal((1, ""), (stop.ExitCode, stop.Out));
        Assert.Equal($"fisctl: Experiment EXPnope is not running: nothing recorded in {_state.Root} and no object of it under {_folders.Root}. Pass --location LOC to look for objects a crashed fisctl left." + System.Environment.NewLine, stop.Error);
        Assert.Equal(["orders-get/EXPother-slow.json"], _folders.Keys());
    }

    [Fact(Timeout = 30_000)]
    public async Task ListAndStatus_ShowTheRunningExperiment_ItsObjectsAndWhereTheyAre_UntilItEnds()
    {
        // As if recorded by a fisctl that has since died (the process tests see a live one).
        using var exited = System.Diagnostics.Process.Start("true");
        await exited.WaitForExitAsync();
        using var stopStart = new CancellationTokenSource();
        var (running, api) = await StartAsync(stopStart.Token, exited.Id);
        await using var _ = api;
        File.Delete(Path.Combine(_folders.Root, "orders-create", "EXPtest1-inject-delay.json"));

        var list = await FisctlRun.RunAsync(["experiment", "list"], environment: Environment);
        var status = await FisctlRun.RunAsync(["experiment", "status", FisctlRun.ExperimentId], environment: Environment);
        await stopStart.CancelAsync();
        await running;
        var listAfterEnd = await FisctlRun.RunAsync(["experiment", "list"], environment: Environment);
        var statusAfterEnd = await FisctlRun.RunAsync(["experiment", "status", FisctlRun.ExperimentId], environment: Environment);

        var header = new[]
        {
            $"EXPtest1  template {TemplateFiles.Sample("lambda-start-delay.json")}",
            $"  started 2026-11-25T10:00:00Z, fisctl pid {exited.Id} (not running)",
        };
        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        Assert.Equal([.. header, $"  objects: 1 of 2 present, in {_folders.Root}", ""], list.OutLines);
        Assert.Equal((0, ""), (status.ExitCode, status.Error));
        Assert.Equal(
            [.. header, "  action inject-delay",
            $"    orders-create: absent {_folders.Root}orders-create/EXPtest1-inject-delay.json",
            $"    orders-get: present {_folders.Root}orders-get/EXPtest1-inject-delay.json", ""],
            status.OutLines);
        Assert.Equal($"No experiment is running (nothing recorded in {_state.Root})." + System.Environment.NewLine, listAfterEnd.Out);
        Assert.Equal(1, statusAfterEnd.ExitCode);
        Assert.StartsWith("fisctl: Experiment EXPtest1 is not running", statusAfterEnd.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task StatusOfSomethingThatIsNotAnId_Exits2_NamingIt()
    {
        var status = await FisctlRun.RunAsync(["experiment", "status", "../EXPtest1"], environment: Environment);

        Assert.Equal((2, ""), (status.ExitCode, status.Out));
        Assert.StartsWith("fisctl: \"../EXPtest1\" is not an experiment id", status.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Stop_OfAFisctlRunUnderLoad_FindsItsRecord_AndDeletesItsObject()
    {
        using var templates = new TemplateFiles();
        var template = templates.Write(TemplateJson.Valid.Replace("\"PT2M\"", "\"PT30S\"", StringComparison.Ordinal));
        var reports = Directory.CreateTempSubdirectory("fisctl-report-").FullName;
        var location = new Dictionary<string, string> { ["AWS_FIS_CONFIGURATION_LOCATION"] = _folders.Root };
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Environment: location));
        await using var endpoint = await FakeHttpEndpoint.StartAsync(context => context.Response.WriteAsync("ok"));
        using var stopRun = new CancellationTokenSource();
        var running = FisctlRun.RunAsync(["run", template, "--endpoint", api.Endpoint.ToString(), "--url", endpoint.Url.ToString(), "--rate", "5",
            "--pre", "PT0.2S", "--post", "PT0.2S", "--report", reports], environment: Environment, stop: stopRun.Token, time: TimeProvider.System);
        Assert.True(await Eventually.TrueAsync(() => _folders.Objects().Count == 1), "fisctl did not write the objects in time");

        var status = await FisctlRun.RunAsync(["experiment", "status", FisctlRun.ExperimentId], environment: Environment);
        var stop = await FisctlRun.RunAsync(["experiment", "stop", FisctlRun.ExperimentId], environment: Environment);
        var keysAfterStop = _folders.Keys();
        await stopRun.CancelAsync();
        var run = await running;
        Directory.Delete(reports, recursive: true);

        Assert.Contains($"    orders-get: present {_folders.Root}orders-get/EXPtest1-slow.json", status.OutLines);
        Assert.Equal((0, ""), (stop.ExitCode, stop.Error));
        Assert.Empty(keysAfterStop);
        Assert.Contains("Stopped EXPtest1: 1 object(s) deleted. " + Propagation, stop.OutLines);
        Assert.Equal(130, run.ExitCode);
    }
}
