using FisExtension.Experiments.Cli;
using FisExtension.Experiments.State;
using FisExtension.Experiments.Tests.Harness;
using FisExtension.IntegrationTests.Configuration;
using FisExtension.IntegrationTests.Harness;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.IntegrationTests.Experiments;

/// <summary>
/// fisctl writes to S3 (s3rver), the AWS CLI sees what it wrote, the published extension in the emulator injects from
/// it, and fisctl's stop deletes it: one contract on both sides of the store.
/// </summary>
public sealed class FisctlS3EndToEndTests
{
    private const int DelayMilliseconds = 2000;
    private const string Prefix = "FisConfigs/";
    private const string ExperimentId = "EXPs3fisctl";

    [Fact(Timeout = 120_000)]
    public async Task FisctlStartToS3_IsListedByTheAwsCli_InjectedByTheExtension_AndFisctlStopDeletesIt()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        var cli = new AwsCli(s3rver.Endpoint, S3rverProcess.Credential, S3rverProcess.Credential);
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction(S3ConfigurationEndToEndTests.FunctionName));
        var state = Directory.CreateTempSubdirectory("fisctl-state-").FullName;
        var template = Path.Combine(state, "template.json");
        await File.WriteAllTextAsync(template, FisctlInProcess.DelayTemplate(api.Functions[0].Arn, DelayMilliseconds));
        var fisctlEnvironment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = s3rver.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = S3rverProcess.Credential,
            ["AWS_SECRET_ACCESS_KEY"] = S3rverProcess.Credential,
            ["AWS_REGION"] = "us-east-1",
            [ExperimentStateFolder.StateDirectoryVariable] = state,
        };
        var function = new Dictionary<string, string>(S3ConfigurationEndToEndTests.S3Environment(s3rver.Endpoint, S3rverProcess.Credential))
        {
            // A poll may last as long as the hot interval: 1 s was too little for S3 on a loaded machine.
            ["AWS_FIS_HOT_POLL_INTERVAL_SECONDS"] = "5",
        };
        var key = $"{Prefix}{S3ConfigurationEndToEndTests.FunctionName}/{ExperimentId}-inject-delay.json";
        var payload = Json.Event(("action", "echo"));
        using var stop = new CancellationTokenSource();
        try
        {
            var fisctl = FisctlCommandLine.RunAsync(
                ["experiment", "start", template, "--endpoint", api.Endpoint.ToString(), "--location", $"s3://{S3rverProcess.Bucket}/{Prefix}"], FisctlInProcess.Services(ExperimentId, fisctlEnvironment), stop.Token);
            var listed = await cli.ListKeysAsync(S3rverProcess.Bucket, Prefix);
            for (var tries = 0; !listed.Contains(key) && tries < 20 && !fisctl.IsCompleted; tries++)
            {
                await Task.Delay(500);
                listed = await cli.ListKeysAsync(S3rverProcess.Bucket, Prefix);
            }

            Assert.Contains(key, listed);
            await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
            {
                RuntimeCommand = [FaultFunctions.ShellRuntime],
                TaskRoot = Path.GetDirectoryName(FaultFunctions.ShellRuntime),
                Environment = function,
            }, S3ConfigurationEndToEndTests.FunctionName);
            var delayed = await harness.Emulator.InvokeAsync(payload);

            var stopped = await FisctlCommandLine.RunAsync(["experiment", "stop", ExperimentId], FisctlInProcess.Services(ExperimentId, fisctlEnvironment), CancellationToken.None);
            var listedAfterStop = await cli.ListKeysAsync(S3rverProcess.Bucket, Prefix);
            // Until a poll has seen the object gone (a fixed wait of one hot interval was not enough under CI-like load).
            await harness.InvokeUntilTheExtensionLogsAsync(ExtensionOutput.NoActiveFaults);
            var after = await harness.Emulator.InvokeAsync(payload);
            await stop.CancelAsync();
            await harness.ShutdownAndAwaitTheWholeLogAsync();

            Assert.True(delayed.Duration >= TimeSpan.FromMilliseconds(DelayMilliseconds), $"the invocation during the experiment took {delayed.Duration.TotalMilliseconds} ms");
            Assert.True(await harness.ExtensionLoggedAsync(ExtensionOutput.DelayLine(DelayMilliseconds, ExperimentId, "inject-delay", delayed.RequestId)));
            Assert.Equal(0, stopped);
            Assert.DoesNotContain(key, listedAfterStop);
            // The delay ended: none for the invocation after the stop (an upper bound on its time broke under CI-like load).
            Assert.False(ExtensionOutput.Delayed(harness, after.RequestId), "the invocation after the stop was delayed");
            Assert.Equal(payload, after.Payload);
            Assert.Equal(130, await fisctl);
        }
        finally
        {
            await stop.CancelAsync();
            Directory.Delete(state, recursive: true);
        }
    }
}
