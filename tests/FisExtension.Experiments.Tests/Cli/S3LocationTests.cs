using System.Text;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Tests.Harness;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Experiments.Tests.Cli;

/// <summary>
/// fisctl against a real S3-compatible server (s3rver), reached as the extension reaches S3 (the key pair,
/// <c>AWS_ENDPOINT_URL_S3</c>, path-style), each result checked with the real AWS CLI.
/// </summary>
public sealed class S3LocationTests : IAsyncLifetime, IDisposable
{
    private const string Prefix = "FisConfigs/";
    private readonly ConfigurationFolders _state = new();
    private S3rverProcess? _s3;

    private S3rverProcess S3 => _s3 ?? throw new InvalidOperationException("s3rver is not started");

    private AwsCli Cli => new(S3.Endpoint, S3rverProcess.Credential, S3rverProcess.Credential);

    private static string Location => $"s3://{S3rverProcess.Bucket}/{Prefix}";

    public async Task InitializeAsync() => _s3 = await S3rverProcess.StartAsync();

    public async Task DisposeAsync() => await S3.DisposeAsync();

    public void Dispose() => _state.Dispose();

    private Dictionary<string, string> Environment(string accessKey = S3rverProcess.Credential) => new()
    {
        ["AWS_ENDPOINT_URL_S3"] = S3.Endpoint,
        ["AWS_ACCESS_KEY_ID"] = accessKey,
        ["AWS_SECRET_ACCESS_KEY"] = S3rverProcess.Credential,
        ["AWS_REGION"] = "us-east-1",
        [ExperimentStateFolder.StateDirectoryVariable] = _state.Root,
    };

    /// <summary>Whether s3rver holds the object; it answers unsigned reads, so waiting costs no CLI start.</summary>
    private async Task WaitForObjectAsync(string key)
    {
        using var http = new HttpClient();
        while ((await http.GetAsync(new Uri($"{S3.Endpoint}/{S3rverProcess.Bucket}/{key}"))).StatusCode != System.Net.HttpStatusCode.OK)
        {
            await Task.Delay(50);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_WritesV1ObjectsTheAwsCliListsAndReads_StatusSeesThem_AndStopDeletesThem()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));
        using var stop = new CancellationTokenSource();
        string[] expected = [$"{Prefix}orders-create/EXPtest1-inject-delay.json", $"{Prefix}orders-get/EXPtest1-inject-delay.json"];

        var running = FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString(), "--location", Location], environment: Environment(), stop: stop.Token);
        await WaitForObjectAsync(expected[0]);
        await WaitForObjectAsync(expected[1]);
        var listed = await Cli.ListKeysAsync(S3rverProcess.Bucket, Prefix);
        var read = FaultObjectParser.Parse(expected[1], Encoding.UTF8.GetBytes(await Cli.ReadAsync(S3rverProcess.Bucket, expected[1])));
        var status = await FisctlRun.RunAsync(["experiment", "status", FisctlRun.ExperimentId], environment: Environment());
        var stopped = await FisctlRun.RunAsync(["experiment", "stop", FisctlRun.ExperimentId], environment: Environment());
        var listedAfterStop = await Cli.ListKeysAsync(S3rverProcess.Bucket, Prefix);
        await stop.CancelAsync();
        var start = await running;

        Assert.Equal(expected, listed);
        Assert.True(read.Definition is not null, string.Join(" ", read.Problems));
        Assert.Equal(("EXPtest1", "inject-delay", FaultKind.StartDelay, 2000), (read.Definition.ExperimentId, read.Definition.ActionName, read.Definition.Kind, read.Definition.StartupDelayMilliseconds));
        Assert.Contains($"    orders-get: present s3://{S3rverProcess.Bucket}/{expected[1]}", status.OutLines);
        Assert.Equal((0, ""), (stopped.ExitCode, stopped.Error));
        Assert.Contains($"  deleted s3://{S3rverProcess.Bucket}/{expected[0]}", stopped.OutLines);
        Assert.Empty(listedAfterStop);
        Assert.Equal((130, ""), (start.ExitCode, start.Error));
    }

    [Fact(Timeout = 60_000)]
    public async Task StopWithAnS3Location_DeletesTheObjectsACrashedFisctlLeft_AndLeavesOthers()
    {
        await Cli.WriteAsync(S3rverProcess.Bucket, $"{Prefix}orders-get/EXPcrashed1-slow.json", """{"schemaVersion":1,"experimentId":"EXPcrashed1"}""");
        await Cli.WriteAsync(S3rverProcess.Bucket, $"{Prefix}orders-get/EXPother1-slow.json", """{"schemaVersion":1,"experimentId":"EXPother1"}""");

        var stopped = await FisctlRun.RunAsync(["experiment", "stop", "EXPcrashed1", "--location", $"arn:aws:s3:::{S3rverProcess.Bucket}/{Prefix}"], environment: Environment());

        Assert.Equal((0, ""), (stopped.ExitCode, stopped.Error));
        Assert.Equal([$"{Prefix}orders-get/EXPother1-slow.json"], await Cli.ListKeysAsync(S3rverProcess.Bucket, Prefix));
    }

    [Fact(Timeout = 60_000)]
    public async Task FailedPut_ExitsOne_SaysWhatFailedAndHowToFixIt_AndDeletesWhatWasWritten()
    {
        // orders-create's bucket exists, orders-get's does not: the action's second put (in name order) fails.
        await using var api = await FakeLambdaApi.StartAsync(
            new FakeFunction("orders-get", Environment: new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = "s3://no-such-bucket/FisConfigs/" }),
            new FakeFunction("orders-create", Environment: new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = Location }));

        var start = await FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()], environment: Environment());

        Assert.True(start.ExitCode == 1, start.Out);
        Assert.True(start.OutLines.Contains($"  wrote s3://{S3rverProcess.Bucket}/{Prefix}orders-create/EXPtest1-inject-delay.json"), start.Out);
        Assert.Contains("2026-11-25T10:00:00Z experiment EXPtest1 failed: could not write s3://no-such-bucket/FisConfigs/orders-get/EXPtest1-inject-delay.json: bucket \"no-such-bucket\" does not exist (NoSuchBucket). Create it, or fix the location.", start.OutLines);
        Assert.Contains($"  deleted s3://{S3rverProcess.Bucket}/{Prefix}orders-create/EXPtest1-inject-delay.json", start.OutLines);
        Assert.Empty(await Cli.ListKeysAsync(S3rverProcess.Bucket, Prefix));
    }

    [Fact(Timeout = 60_000)]
    public async Task RefusedCredentials_ExitOne_NamingTheVariablesToCheck_AndNothingIsWritten()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));

        var start = await FisctlRun.RunAsync(["experiment", "start", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString(), "--location", Location], environment: Environment(accessKey: "NOT-A-KEY"));

        Assert.Equal(1, start.ExitCode);
        Assert.Contains(start.OutLines, line => line.Contains("experiment EXPtest1 failed: could not write s3://", StringComparison.Ordinal)
            && line.EndsWith("S3 refused the credentials (InvalidAccessKeyId). Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.", StringComparison.Ordinal));
        Assert.Empty(await Cli.ListKeysAsync(S3rverProcess.Bucket, Prefix));
    }
}
