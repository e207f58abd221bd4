using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The stack's Lambda API over real HTTP, and through the real AWS CLI.</summary>
public sealed class StackLambdaApiTests
{
    [Fact(Timeout = 60000)]
    public async Task Invoke_AnswersAsLambdaDoes_ResultErrorEventDryRunAndLogTail()
    {
        using var scratch = new TempDirectory();
        var marker = scratch.File("marker");
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("echo"));
        using var client = new HttpClient();

        using var result = await client.InvokeAsync(stack, "echo", """{"hello":"world"}""", ("X-Amz-Log-Type", "Tail"));
        using var error = await client.InvokeAsync(stack, "arn:aws:lambda:us-east-1:123456789012:function:echo", """{"action":"error","errorType":"Bad"}""");
        using var dryRun = await client.InvokeAsync(stack, "echo", $$"""{"markerFile":"{{marker}}"}""", ("X-Amz-Invocation-Type", "DryRun"));
        using var queued = await client.InvokeAsync(stack, "echo", $$"""{"markerFile":"{{marker}}"}""", ("X-Amz-Invocation-Type", "Event"));
        // The shell handler creates the marker file before it writes the line: wait for the line, not for the file.
        var queuedId = queued.Headers.GetValues("X-Amzn-RequestId").Single();
        var ran = await Eventually.TrueAsync(() => File.Exists(marker) && File.ReadAllText(marker) == queuedId + "\n", TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("""{"hello":"world"}""", await result.Content.ReadAsStringAsync());
        var requestId = result.Headers.GetValues("X-Amzn-RequestId").Single();
        Assert.Equal("$LATEST", result.Headers.GetValues("X-Amz-Executed-Version").Single());
        var log = Stacks.LogResult(result);
        Assert.StartsWith($"START RequestId: {requestId} Version: $LATEST\n", log, StringComparison.Ordinal);
        Assert.Contains($"\nREPORT RequestId: {requestId}\t", log, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Unhandled", error.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("Bad", Json.Property(Json.Bytes(await error.Content.ReadAsStringAsync()), "errorType"));
        Assert.Equal(HttpStatusCode.NoContent, dryRun.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        // Only the Event invocation, under the id its 202 named, ran the handler: the DryRun did not.
        Assert.True(ran, $"the Event invocation {queuedId} ran, and only it: the marker holds [{string.Join(", ", File.Exists(marker) ? File.ReadAllLines(marker) : [])}]");
    }

    [Theory(Timeout = 60000)]
    [InlineData("nope", "{}", HttpStatusCode.NotFound, "ResourceNotFoundException", "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope")]
    [InlineData("echo", "not json", HttpStatusCode.BadRequest, "InvalidRequestContentException", "Could not parse request body into json: ")]
    [InlineData("echo", "{}", HttpStatusCode.BadRequest, "InvalidParameterValueException", "1 validation error detected: Value 'Sometimes'", "Sometimes")]
    public async Task Invoke_RefusedAsLambdaRefusesIt_WithoutRunningTheFunction(string function, string payload, HttpStatusCode status, string errorType,
        string messageStart, string invocationType = "RequestResponse")
    {
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("echo"));
        using var client = new HttpClient();

        using var response = await client.InvokeAsync(stack, function, payload, ("X-Amz-Invocation-Type", invocationType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("X-Amzn-ErrorType").Single());
        Assert.StartsWith(messageStart, Json.Property(Json.Bytes(await response.Content.ReadAsStringAsync()), "message"), StringComparison.Ordinal);
        Assert.Equal(0, stack.EnvironmentsCreated("echo"));
    }

    [Fact(Timeout = 120000)]
    public async Task AwsCli_ListsFunctionsWithEnvironmentAndLayers_ReadsTagsAndInvokesWithTheLogTail()
    {
        using var scratch = new TempDirectory();
        Directory.CreateDirectory(scratch.File("shared-layer"));
        var function = Stacks.Shell("orders") with
        {
            Definition = Stacks.Shell("orders").Definition with { Environment = new Dictionary<string, string> { ["TABLE"] = "orders" } },
            Tags = new Dictionary<string, string> { ["team"] = "shop" },
            Layers = [scratch.File("shared-layer")],
        };
        await using var stack = await Stacks.StartAsync(null, function, Stacks.Shell("health"));
        var endpoint = stack.LambdaApiEndpoint.ToString();

        var list = await AwsAsync("lambda", "list-functions", "--endpoint-url", endpoint);
        var tags = await AwsAsync("lambda", "list-tags", "--endpoint-url", endpoint, "--resource", "arn:aws:lambda:us-east-1:123456789012:function:orders");
        var configuration = await AwsAsync("lambda", "get-function-configuration", "--endpoint-url", endpoint, "--function-name", "orders");
        // fileb:// passes the bytes as they are in both CLI v1 and v2 (v2 reads a plain --payload as base64).
        File.WriteAllText(scratch.File("payload.json"), """{"n":7}""");
        var invoke = await AwsAsync("lambda", "invoke", "--endpoint-url", endpoint, "--function-name", "orders", "--payload", $"fileb://{scratch.File("payload.json")}",
            "--log-type", "Tail", scratch.File("out.json"));

        using var functions = JsonDocument.Parse(list);
        Assert.Equal(["orders", "health"], functions.RootElement.GetProperty("Functions").EnumerateArray().Select(f => f.GetProperty("FunctionName").GetString()));
        Assert.Equal("shop", JsonDocument.Parse(tags).RootElement.GetProperty("Tags").GetProperty("team").GetString());
        var orders = JsonDocument.Parse(configuration).RootElement;
        Assert.Equal("orders", orders.GetProperty("Environment").GetProperty("Variables").GetProperty("TABLE").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:layer:shared-layer:1", orders.GetProperty("Layers")[0].GetProperty("Arn").GetString());
        Assert.Equal(10, orders.GetProperty("Timeout").GetInt32());
        Assert.Equal("""{"n":7}""", File.ReadAllText(scratch.File("out.json")));
        var invoked = JsonDocument.Parse(invoke).RootElement;
        Assert.Equal(200, invoked.GetProperty("StatusCode").GetInt32());
        Assert.Contains("REPORT RequestId: ", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(invoked.GetProperty("LogResult").GetString()!)),
            StringComparison.Ordinal);
    }

    [Fact(Timeout = 120000)]
    public async Task AwsCli_GetFunctionOfAnUnknownFunction_SaysResourceNotFound()
    {
        await using var stack = await Stacks.StartAsync(null, Stacks.Shell("orders"));

        var (exitCode, _, stderr) = await RunAwsAsync("lambda", "get-function", "--endpoint-url", stack.LambdaApiEndpoint.ToString(), "--function-name", "nope");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("(ResourceNotFoundException) when calling the GetFunction operation: Function not found", stderr, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120000)]
    public async Task AwsSdkForJavaScript_FindsTheFunction_InvokesItWithTheLogTail_AndSeesTheThrottle()
    {
        using var scratch = new TempDirectory();
        Directory.CreateDirectory(scratch.File("shared-layer"));
        var orders = Stacks.Shell("orders", reservedConcurrency: 1);
        orders = orders with
        {
            Definition = orders.Definition with { Environment = new Dictionary<string, string> { ["TABLE"] = "orders" } },
            Tags = new Dictionary<string, string> { ["team"] = "shop" },
            Layers = [scratch.File("shared-layer")],
        };
        await using var stack = await Stacks.StartAsync(null, orders);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(TestPaths.Functions, "lambda-sdk-client", "index.mjs"), stack.LambdaApiEndpoint.ToString(), "orders",
                     """{"action":"sleep","sleepMs":2000}""" })
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await stderr);
        using var seen = JsonDocument.Parse(await stdout);
        var root = seen.RootElement;
        Assert.Equal("orders", root.GetProperty("functions")[0].GetString());
        Assert.Equal("orders", root.GetProperty("variables").GetProperty("TABLE").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:layer:shared-layer:1", root.GetProperty("layers")[0].GetString());
        Assert.Equal("shop", root.GetProperty("tags").GetProperty("team").GetString());
        Assert.Equal(200, root.GetProperty("invoke").GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"from":"sdk"}""", root.GetProperty("invoke").GetProperty("payload").GetString());
        Assert.Contains("REPORT RequestId: ", root.GetProperty("invoke").GetProperty("log").GetString(), StringComparison.Ordinal);
        var concurrent = root.GetProperty("concurrent").EnumerateArray().ToList();
        Assert.Single(concurrent, c => c.TryGetProperty("statusCode", out var code) && code.GetInt32() == 200);
        var throttle = Assert.Single(concurrent, c => c.TryGetProperty("error", out _));
        Assert.Equal("TooManyRequestsException", throttle.GetProperty("error").GetString());
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", throttle.GetProperty("reason").GetString());
        Assert.Equal(429, throttle.GetProperty("httpStatusCode").GetInt32());
    }

    private static async Task<string> AwsAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await RunAwsAsync(args);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', args)} failed ({exitCode}): {stderr}");
        return stdout;
    }

    /// <summary>The real AWS CLI, with dummy credentials: the local Lambda API does not check signatures.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAwsAsync(params string[] args)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["AWS_ACCESS_KEY_ID"] = "local";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = "";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
