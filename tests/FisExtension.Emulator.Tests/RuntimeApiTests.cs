using System.Globalization;
using System.Net;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The Runtime API, driven by the test playing an external runtime.</summary>
public sealed class RuntimeApiTests
{
    [Fact(Timeout = 30000)]
    public async Task Next_DeliversTheEventWithLambdaHeaders()
    {
        var timeout = TimeSpan.FromSeconds(20);
        await using var emulator = await Emulators.StartAsync(Emulators.External(timeout: timeout));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        var options = new InvokeOptions { ClientContext = """{"client":{}}""", CognitoIdentity = """{"cognitoIdentityId":"x"}""", TraceId = "Root=1-abc;Sampled=1" };
        var before = DateTimeOffset.UtcNow;

        var invoke = emulator.InvokeAsync(Json.Bytes("""{"a":1}"""), options);
        var next = await runtime.NextAsync();
        var after = DateTimeOffset.UtcNow;
        using var accepted = await runtime.RespondAsync(next.RequestId, Json.Bytes("\"ok\""));
        var result = await invoke;

        Assert.Equal("""{"a":1}""", Json.Text(next.Body));
        Assert.Equal(result.RequestId, next.RequestId);
        // The invocation's start plus the function's timeout, its start lying between before and after.
        var deadline = long.Parse(next.Headers["Lambda-Runtime-Deadline-Ms"], CultureInfo.InvariantCulture);
        Assert.InRange(deadline, (before + timeout).ToUnixTimeMilliseconds(), (after + timeout).ToUnixTimeMilliseconds());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:external-function", next.Headers["Lambda-Runtime-Invoked-Function-Arn"]);
        Assert.Equal("Root=1-abc;Sampled=1", next.Headers["Lambda-Runtime-Trace-Id"]);
        Assert.Equal("""{"client":{}}""", next.Headers["Lambda-Runtime-Client-Context"]);
        Assert.Equal("""{"cognitoIdentityId":"x"}""", next.Headers["Lambda-Runtime-Cognito-Identity"]);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("""{"status":"OK"}""", await accepted.Content.ReadAsStringAsync());
    }

    [Theory(Timeout = 30000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ExternalRuntimeWithAnExtension_CompletesInitOnItsFirstNext(bool runtimeCallsNextFirst)
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("sidecar", ExtensionScripts.Standard(eventsFile: events));
        await using var emulator = await Emulators.StartAsync(Emulators.External(opt));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        Task<NextInvocation> next;
        Task<InvocationResult> invoke;
        if (runtimeCallsNextFirst)
        {
            next = runtime.NextAsync();
            await Task.Delay(200); // the /next is waiting before any environment exists
            invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        }
        else
        {
            invoke = emulator.InvokeAsync(Json.Bytes("{}"));
            next = runtime.NextAsync();
        }
        var delivered = await next;
        (await runtime.RespondAsync(delivered.RequestId, Json.Bytes("\"done\""))).Dispose();
        var result = await invoke;

        Assert.Equal("\"done\"", Json.Text(result.Payload));
        Assert.True(result.ColdStart);
        Assert.Equal("sidecar", Assert.Single(emulator.RegisteredExtensions).Name);
        Assert.Contains(result.RequestId, File.ReadAllText(events), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task Next_GeneratesATraceIdWhenTheInvokerGaveNone()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, [])).Dispose();
        await invoke;

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", next.Headers["Lambda-Runtime-Trace-Id"]);
        Assert.False(next.Headers.ContainsKey("Lambda-Runtime-Client-Context"));
    }

    [Fact(Timeout = 30000)]
    public async Task Response_ReachesTheInvokerByteForByte()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        byte[] binary = [0, 255, 1, 254, 0x80, 0x0d, 0x0a, 0];

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, binary)).Dispose();
        var result = await invoke;

        Assert.Equal(binary, result.Payload);
    }

    [Fact(Timeout = 30000)]
    public async Task Response_ForAnUnknownRequestId_Is400()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        using var response = await runtime.RespondAsync("no-such-request", Json.Bytes("{}"));
        using var error = await runtime.ErrorAsync("no-such-request", "E", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("InvalidRequestID", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 30000)]
    public async Task Response_Over6MB_Is413AndTheInvokerGetsResponseSizeTooLarge()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        using var response = await runtime.RespondAsync(next.RequestId, new byte[6_291_457]);
        var result = await invoke;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Function.ResponseSizeTooLarge", Json.Property(result.Payload, "errorType"));
    }

    [Fact(Timeout = 30000)]
    public async Task Response_OfExactly6MB_IsAccepted()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        using var response = await runtime.RespondAsync(next.RequestId, new byte[6_291_456]);
        var result = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(6_291_456, result.Payload.Length);
    }

    [Fact(Timeout = 30000)]
    public async Task Error_GivesTheInvokerUnhandledAndTheRuntimeBody()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        const string body = """{"errorMessage":"boom","errorType":"Custom.Error","stackTrace":["at x"]}""";

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        using var accepted = await runtime.ErrorAsync(next.RequestId, "Custom.Error", body);
        var result = await invoke;

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Custom.Error", result.ErrorType);
        Assert.Equal(body, Json.Text(result.Payload));
        Assert.Equal("Unhandled", result.Headers["X-Amz-Function-Error"]);
    }

    [Fact(Timeout = 30000)]
    public async Task SecondResponseForTheSameRequest_IsRejected()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External(timeout: TimeSpan.FromSeconds(10)));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        using var first = await runtime.RespondAsync(next.RequestId, Json.Bytes("1"));
        await invoke;
        using var second = await runtime.RespondAsync(next.RequestId, Json.Bytes("2"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task InitError_FromTheRuntime_FailsInitAndTheNextInvokeReinitialises()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var failing = emulator.InvokeAsync(Json.Bytes("{}"));
        Assert.True(await Eventually.TrueAsync(() => emulator.Logs.Any(l => l.Contains("Waiting for an external runtime", StringComparison.Ordinal)), TimeSpan.FromSeconds(15)),
            "init never came to waiting for the external runtime");
        var request = new HttpRequestMessage(HttpMethod.Post, "init/error") { Content = new StringContent("""{"errorMessage":"cannot load","errorType":"Runtime.ImportModuleError"}""") };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.ImportModuleError");
        using var accepted = await runtime.Client.SendAsync(request);
        var failed = await failing;

        var succeeding = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, Json.Bytes("\"ok\""))).Dispose();
        var succeeded = await succeeding;

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("Unhandled", failed.FunctionError);
        Assert.Equal("Runtime.ImportModuleError", failed.ErrorType);
        Assert.Contains("cannot load", Json.Text(failed.Payload), StringComparison.Ordinal);
        Assert.Contains(emulator.Logs, l => l.StartsWith("INIT_REPORT", StringComparison.Ordinal) && l.Contains("Runtime.ImportModuleError", StringComparison.Ordinal));
        Assert.Null(succeeded.FunctionError);
        Assert.True(succeeded.ColdStart);
    }

    [Fact(Timeout = 30000)]
    public async Task InitError_AfterInit_IsForbidden()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, [])).Dispose();
        await invoke;

        using var response = await runtime.Client.PostAsync("init/error", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory(Timeout = 30000)]
    [InlineData("GET", "/2018-06-01/runtime/unknown")]
    [InlineData("GET", "/2018-06-01/runtime/invocation/abc/unknown")]
    [InlineData("POST", "/2020-01-01/extension/unknown")]
    [InlineData("GET", "/")]
    public async Task UnknownPath_Is404(string method, string path)
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var client = new HttpClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"http://{emulator.RuntimeApiAddress}{path}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task WrongMethodOnAKnownPath_Is405()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var client = new HttpClient();

        using var response = await client.PostAsync($"http://{emulator.RuntimeApiAddress}/2018-06-01/runtime/invocation/next", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task RestoreNext_AnswersAtOnceAndRestoreErrorIsAccepted()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        using var restore = await runtime.Client.GetAsync("restore/next");
        using var error = await runtime.Client.PostAsync("restore/error", new StringContent("""{"errorMessage":"x","errorType":"y"}"""));

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
    }
}
