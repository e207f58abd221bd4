using System.Net;
using System.Text;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The RIE-compatible invoke endpoint over HTTP.</summary>
public sealed class InvokeApiTests
{
    [Fact(Timeout = 30000)]
    public async Task Invoke_AnswersTheFunctionsBytesWithLambdaHeaders()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();

        using var response = await client.PostAsync(emulator.InvokeEndpoint, new StringContent("""{"hello":"world"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"hello":"world"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.Matches("^[0-9a-f-]{36}$", response.Headers.GetValues("X-Amzn-RequestId").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
    }

    [Fact(Timeout = 30000)]
    public async Task Invoke_OfAFailingFunction_AnswersXAmzFunctionError()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();

        using var response = await client.PostAsync(emulator.InvokeEndpoint, new StringContent("""{"action":"error","errorType":"Bad"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Contains("\"errorType\":\"Bad\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task Invoke_WithoutPayload_GivesTheRuntimeAnEmptyObject()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();

        using var response = await client.PostAsync(emulator.InvokeEndpoint, null);

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 30000)]
    public async Task Invoke_Over6MB_Answers413WithALambdaErrorBody()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();

        using var response = await client.PostAsync(emulator.InvokeEndpoint, new ByteArrayContent(new byte[6_291_457]));
        var library = await emulator.InvokeAsync(new byte[6_291_457]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = Json.Bytes(await response.Content.ReadAsStringAsync());
        Assert.Equal("RequestEntityTooLargeException", Json.Property(body, "errorType"));
        Assert.Equal("Request must be smaller than 6291456 bytes for the InvokeFunction operation", Json.Property(body, "errorMessage"));
        Assert.Equal(413, library.StatusCode);
        Assert.False(emulator.IsReady, "a rejected invoke must not start init");
    }

    [Fact(Timeout = 60000)]
    public async Task EventInvocation_Answers202AtOnceAndRunsTheFunctionLater()
    {
        using var scratch = new TempDirectory();
        var marker = scratch.File("marker");
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();
        // The handler runs for 5 s. The runtime may well start it (and write the marker) before this test reads the
        // answer on a loaded machine, so what shows the 202 came at once is that the invocation had not ended.
        var request = new HttpRequestMessage(HttpMethod.Post, emulator.InvokeEndpoint) { Content = new StringContent($$"""{"action":"sleep","sleepMs":5000,"markerFile":"{{marker}}"}""") };
        request.Headers.Add("X-Amz-Invocation-Type", "Event");

        using var response = await client.SendAsync(request);
        var requestId = response.Headers.GetValues("X-Amzn-RequestId").Single();
        var answeredBeforeTheInvocationEnded = !emulator.Logs.Contains($"END RequestId: {requestId}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(answeredBeforeTheInvocationEnded, "the 202 came only after the function had run");
        Assert.True(await Eventually.TrueAsync(() => File.Exists(marker) && File.ReadAllText(marker).Trim() == requestId, TimeSpan.FromSeconds(10)));
        Assert.True(await Eventually.TrueAsync(() => emulator.Logs.Contains($"END RequestId: {requestId}"), TimeSpan.FromSeconds(20)));
    }

    [Fact(Timeout = 30000)]
    public async Task EventInvocation_Over1MB_Answers413()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());

        var result = await emulator.InvokeAsync(new byte[1_048_577], new InvokeOptions { InvocationType = "Event" });

        Assert.Equal(413, result.StatusCode);
        Assert.Contains("InvokeAsync", Json.Property(result.Payload, "errorMessage"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task DryRun_Answers204WithoutRunningTheFunction()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, emulator.InvokeEndpoint) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Invocation-Type", "DryRun");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(emulator.Logs, l => l.StartsWith("START", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task UnknownInvocationType_Is400()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, emulator.InvokeEndpoint) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Invocation-Type", "Sometimes");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task ClientContext_IsDecodedFromBase64ForTheRuntime()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, emulator.InvokeEndpoint) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"custom":{"a":"b"}}""")));

        var invoke = client.SendAsync(request);
        var next = await runtime.NextAsync();
        (await runtime.RespondAsync(next.RequestId, [])).Dispose();
        (await invoke).Dispose();

        Assert.Equal("""{"custom":{"a":"b"}}""", next.Headers["Lambda-Runtime-Client-Context"]);
    }

    [Fact(Timeout = 30000)]
    public async Task Health_Answers503BeforeInitAnd200WhenReady()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();
        var health = new Uri(emulator.InvokeEndpoint, "/health");

        using var before = await client.GetAsync(health);
        await emulator.InitializeAsync();
        using var after = await client.GetAsync(health);
        using var versioned = await client.GetAsync(new Uri(emulator.InvokeEndpoint, "/2015-03-31/health"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task UnknownPath_Is404()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(emulator.InvokeEndpoint, "/2015-03-31/functions/function/other"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
