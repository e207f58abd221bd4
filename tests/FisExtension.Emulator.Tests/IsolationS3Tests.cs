using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Emulator.Tests;

/// <summary>The FIS extension in an isolated environment reading its faults from s3rver on the host: reachable through
/// <c>hostPorts</c>, and without it the function runs untouched (fail open).</summary>
public sealed class IsolationS3Tests
{
    private const string Function = "orders";
    private const string Prefix = "FisConfigs/";

    [Fact(Timeout = 180_000)]
    public async Task FaultFromS3rverOnTheHost_IsInjectedWhenItsPortIsListed_AndTheFunctionRunsUntouchedWhenItIsNot()
    {
        await using var s3rver = await S3rverProcess.StartAsync();
        await PutErrorFaultAsync(s3rver.Endpoint);
        var port = new Uri(s3rver.Endpoint).Port;
        using var scratch = new TempDirectory();
        var marker = scratch.File("handled");
        var payload = $$"""{"markerFile":"{{marker}}"}""";

        var (listedStatus, listedError, listedBody, _) = await InvokeOnceAsync(s3rver.Endpoint, hostPorts: [port], payload);
        Assert.False(File.Exists(marker), "the handler ran although the fault prevents it");
        var (unlistedStatus, unlistedError, unlistedBody, unlistedLines) = await InvokeOnceAsync(s3rver.Endpoint, hostPorts: [], payload);

        Assert.Equal(HttpStatusCode.OK, listedStatus);
        Assert.Equal("Unhandled", listedError);
        Assert.Contains("\"errorType\":\"FisInjectedError\"", listedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unlistedStatus);
        Assert.Null(unlistedError);
        Assert.Equal(payload, unlistedBody);
        Assert.Single(File.ReadAllLines(marker));
        Assert.Contains(unlistedLines, l => l.Contains($"could not reach S3 (Connection refused (127.0.0.1:{port}))", StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, string? FunctionError, string Body, IReadOnlyCollection<string> Lines)> InvokeOnceAsync(string endpoint, int[] hostPorts, string payload)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_EXEC_WRAPPER"] = FisLayer.Wrapper,
            ["AWS_FIS_CONFIGURATION_LOCATION"] = $"s3://{S3rverProcess.Bucket}/{Prefix}",
            ["AWS_ENDPOINT_URL_S3"] = endpoint,
            ["AWS_ACCESS_KEY_ID"] = S3rverProcess.Credential,
            ["AWS_SECRET_ACCESS_KEY"] = S3rverProcess.Credential,
            ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = "15000", // an upper bound: a cold S3 poll across the namespace relay can take seconds under load
        };
        var function = new StackFunction
        {
            Definition = Emulators.Shell(environment: environment, timeout: TimeSpan.FromSeconds(30)) with { FunctionName = Function },
            Layers = [FisLayer.Folder],
        };
        var lines = new ConcurrentQueue<string>();
        await using var stack = await ServerlessStack.StartAsync(new StackDefinition { Functions = [function], HostPorts = hostPorts },
            Emulators.Options(lines.Enqueue) with { Isolation = IsolationMode.Namespaces }, 0, 0);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.InvokeAsync(stack, Function, payload);
        var functionError = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.Single() : null;
        return (response.StatusCode, functionError, await response.Content.ReadAsStringAsync(), lines);
    }

    /// <summary>Puts the object as FIS would; s3rver takes an unsigned PUT.</summary>
    private static async Task PutErrorFaultAsync(string endpoint)
    {
        var now = DateTimeOffset.UtcNow;
        var body = $$$"""
            {"schemaVersion":1,"experimentId":"EXPisolation","actionName":"fail","actionId":"aws:lambda:invocation-error",
             "startTime":"{{{now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ}}}","endTime":"{{{now.AddMinutes(10):yyyy-MM-ddTHH:mm:ssZ}}}",
             "parameters":{"preventExecution":"true","invocationPercentage":"100"}}
            """;
        using var http = new HttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri($"{endpoint}/{S3rverProcess.Bucket}/{Prefix}{Function}/EXPisolation-fail.json"), content);
        response.EnsureSuccessStatusCode();
    }
}
