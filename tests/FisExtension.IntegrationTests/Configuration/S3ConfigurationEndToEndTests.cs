using System.Text;
using FisExtension.IntegrationTests.Harness;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.IntegrationTests.Configuration;

/// <summary>The published NativeAOT binary reads its faults from a real S3-compatible server (s3rver).</summary>
public sealed class S3ConfigurationEndToEndTests
{
    private const string Prefix = "FisConfigs/";
    internal const string FunctionName = "fis-test-function";

    [Fact(Timeout = 60_000)]
    public async Task FaultObjectInS3_IsPickedUpAtInit_AndInjected()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        await PutFaultAsync(s3rver.Endpoint, "aws:lambda:invocation-error", """{"preventExecution":"true","invocationPercentage":"100"}""");
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions { Environment = S3Environment(s3rver.Endpoint, S3rverProcess.Credential) }, FunctionName);
        using var runtime = harness.RuntimeThroughProxy();
        var handlerSawEvent = runtime.NextAsync();

        var result = await harness.Emulator.InvokeAsync("""{"n":1}"""u8.ToArray());

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("FisInjectedError", result.ErrorType);
        Assert.Contains("EXPs3e2e", Encoding.UTF8.GetString(result.Payload), StringComparison.Ordinal);
        Assert.False(handlerSawEvent.IsCompleted, "the handler must not have been given the event");
        Assert.True(await harness.ExtensionLoggedAsync("found active faults"));
    }

    [Fact(Timeout = 60_000)]
    public async Task WrongCredentials_LeaveTheFunctionUntouched_WithOneClearLogLine()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        await PutFaultAsync(s3rver.Endpoint, "aws:lambda:invocation-error", """{"preventExecution":"true"}""");
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions { Environment = S3Environment(s3rver.Endpoint, "NOT-A-KEY") }, FunctionName);
        using var runtime = harness.RuntimeThroughProxy();

        var invoke = harness.Emulator.InvokeAsync("""{"n":2}"""u8.ToArray());
        var next = await runtime.EchoOneAsync();
        var result = await invoke;

        Assert.Null(result.FunctionError);
        Assert.Equal("""{"n":2}""", Encoding.UTF8.GetString(result.Payload));
        Assert.Equal(result.RequestId, next.RequestId);
        Assert.True(await harness.ExtensionLoggedAsync("failed to retrieve active fault configurations"));
    }

    internal static Dictionary<string, string> S3Environment(string endpoint, string accessKey) => new()
    {
        ["AWS_FIS_CONFIGURATION_LOCATION"] = $"s3://{S3rverProcess.Bucket}/{Prefix}",
        ["AWS_ENDPOINT_URL_S3"] = endpoint,
        ["AWS_ACCESS_KEY_ID"] = accessKey,
        ["AWS_SECRET_ACCESS_KEY"] = S3rverProcess.Credential,
        ["AWS_REGION"] = "us-east-1",
        // An upper bound: the first S3 poll (the SDK's first request) took over a second on a loaded machine.
        ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = "15000",
    };

    /// <summary>Puts the object as FIS would; s3rver takes an unsigned PUT, so the test needs no S3 client of its own.</summary>
    internal static async Task PutFaultAsync(string endpoint, string actionId, string parameters)
    {
        var now = DateTimeOffset.UtcNow;
        var body = $$"""
            {"schemaVersion":1,"experimentId":"EXPs3e2e","actionName":"fail","actionId":"{{actionId}}",
             "startTime":"{{now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}}","endTime":"{{now.AddMinutes(10):yyyy-MM-ddTHH:mm:ssZ}}",
             "parameters":{{parameters}}}
            """;
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri($"{endpoint}/{S3rverProcess.Bucket}/{Prefix}{FunctionName}/EXPs3e2e-fail.json"), content);
        response.EnsureSuccessStatusCode();
    }
}
