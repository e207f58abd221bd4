using System.Net;
using System.Text.Json;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The stack's HTTP API: route selection, the API Gateway event in formats 2.0 and 1.0, and what API Gateway
/// answers for the function's result, its errors, a missing route and a throttled invocation.</summary>
public sealed class StackHttpApiTests
{
    [Fact(Timeout = 60000)]
    public async Task Result_StatusHeadersCookiesAndBase64Body_BecomeTheHttpResponse()
    {
        var routes = Stacks.Routes(("POST /v2", "responder", "2.0"), ("POST /v1", "responder", "1.0"));
        await using var stack = await Stacks.StartAsync(routes, Stacks.Node("responder", "http-responder"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };

        using var v2 = await client.PostAsync("/v2", new StringContent("""
            {"statusCode":201,"headers":{"Content-Type":"application/octet-stream","X-Order":"7"},"cookies":["a=1; Path=/","b=2"],
             "body":"/wAB","isBase64Encoded":true}
            """));
        using var v1 = await client.PostAsync("/v1", new StringContent("""
            {"statusCode":418,"multiValueHeaders":{"X-Tag":["x","y"]},"body":"short and stout"}
            """));
        using var plainJson = await client.PostAsync("/v2", new StringContent("""["not","a","proxy","result"]"""));
        using var noContent = await client.PostAsync("/v2", new StringContent("""{"statusCode":204,"body":"ignored"}"""));

        Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        Assert.Equal("7", v2.Headers.GetValues("X-Order").Single());
        Assert.Equal(["a=1; Path=/", "b=2"], v2.Headers.GetValues("Set-Cookie"));
        Assert.Equal("application/octet-stream", v2.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xff, 0x00, 0x01 }, await v2.Content.ReadAsByteArrayAsync());
        Assert.Equal((HttpStatusCode)418, v1.StatusCode);
        Assert.Equal(["x", "y"], v1.Headers.GetValues("X-Tag"));
        Assert.Equal("short and stout", await v1.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, plainJson.StatusCode); // format 2.0: any other JSON is the body of a 200
        Assert.Equal("""["not","a","proxy","result"]""", await plainJson.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, noContent.StatusCode);
    }

    [Fact(Timeout = 60000)]
    public async Task Request_BinaryBodyAndCookies_ReachTheFunctionAsApiGatewaySendsThem()
    {
        var routes = Stacks.Routes(("POST /upload", "echo", "2.0"));
        await using var stack = await Stacks.StartAsync(routes, Stacks.Shell("echo"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = new ByteArrayContent([0xff, 0x00, 0x01]) };
        request.Headers.Add("Cookie", "session=abc; theme=dark");
        request.Headers.Add("X-Order-Id", "9");

        using var response = await client.SendAsync(request);

        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var payload = echoed.RootElement;
        Assert.True(payload.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal("/wAB", payload.GetProperty("body").GetString());
        Assert.Equal(["session=abc", "theme=dark"], payload.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.False(payload.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.Equal("9", payload.GetProperty("headers").GetProperty("x-order-id").GetString()); // format 2.0 header names are lower case
    }

    [Fact(Timeout = 60000)]
    public async Task Route_WithPathParameters_GivesTheFunctionAVersion2EventAndAnswersItsJsonAs200()
    {
        var routes = Stacks.Routes(("GET /orders/{id}", "echo", "2.0"), ("ANY /orders/{id}/items/{rest+}", "echo", "2.0"));
        await using var stack = await Stacks.StartAsync(routes, Stacks.Shell("echo"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };

        using var response = await client.GetAsync("/orders/42?expand=items&expand=total");
        using var greedy = await client.DeleteAsync("/orders/7/items/a/b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var echoed = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var payload = echoed.RootElement; // the shell function answers its event, which API Gateway 2.0 returns as the body
        Assert.Equal("2.0", payload.GetProperty("version").GetString());
        Assert.Equal("GET /orders/{id}", payload.GetProperty("routeKey").GetString());
        Assert.Equal("/orders/42", payload.GetProperty("rawPath").GetString());
        Assert.Equal("expand=items&expand=total", payload.GetProperty("rawQueryString").GetString());
        Assert.Equal("items,total", payload.GetProperty("queryStringParameters").GetProperty("expand").GetString());
        Assert.Equal("42", payload.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.Equal("GET", payload.GetProperty("requestContext").GetProperty("http").GetProperty("method").GetString());
        Assert.Equal(response.Headers.GetValues("Apigw-Requestid").Single(), payload.GetProperty("requestContext").GetProperty("requestId").GetString());
        using var greedyEvent = JsonDocument.Parse(await greedy.Content.ReadAsStringAsync());
        Assert.Equal("a/b", greedyEvent.RootElement.GetProperty("pathParameters").GetProperty("rest").GetString());
        Assert.Equal("ANY /orders/{id}/items/{rest+}", greedyEvent.RootElement.GetProperty("routeKey").GetString());
    }

    [Fact(Timeout = 60000)]
    public async Task DefaultRoute_WithFormat1_MapsTheFunctionsStatusHeadersAndBody()
    {
        var routes = Stacks.Routes(("$default", "orders-api", "1.0"));
        await using var stack = await Stacks.StartAsync(routes, Stacks.Node("orders-api", "orders-api"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };

        using var response = await client.GetAsync("/anything/here");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("coffee", body.RootElement.GetProperty("orders")[0].GetProperty("item").GetString());
        Assert.Equal("/anything/here", body.RootElement.GetProperty("path").GetString()); // event.path: a 1.0 event
    }

    [Fact(Timeout = 60000)]
    public async Task Errors_AreAnsweredAsHttpApisAnswerThem()
    {
        var routes = Stacks.Routes(("POST /fail", "broken", "2.0"), ("POST /echo-v1", "echo", "1.0"), ("POST /slow", "slow", "2.0"));
        routes = routes with { Routes = [.. routes.Routes, new HttpRoute { RouteKey = "POST /late", FunctionName = "late", Timeout = TimeSpan.FromMilliseconds(500) }] };
        var broken = Stacks.Shell("broken");
        broken = broken with { Definition = broken.Definition with { Environment = new Dictionary<string, string> { ["SHELL_RUNTIME_INIT_ERROR"] = "Runtime.ImportModuleError" } } };
        var slowFunction = Stacks.Node("slow", "http-responder") with { ReservedConcurrency = 1 };
        var logs = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var stack = await Stacks.StartAsync(logs.Enqueue, routes, Stacks.Shell("echo"), broken, slowFunction, Stacks.Node("late", "http-responder"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };

        using var missing = await client.GetAsync("/nowhere");
        using var failed = await client.PostAsync("/fail", new StringContent("{}"));
        using var notAProxyResult = await client.PostAsync("/echo-v1", new StringContent("{}"));
        // The slow function's one environment answers after 5 s: long enough to be busy when the next request comes.
        var slow = client.PostAsync("/slow?sleepMs=5000", new StringContent("{}"));
        Assert.True(await Eventually.TrueAsync(() => stack.LiveEnvironments("slow") == 1, TimeSpan.FromSeconds(15)), "the slow function's environment never opened");
        using var throttled = await client.PostAsync("/slow", new StringContent("{}"));
        using var late = await client.PostAsync("/late?sleepMs=3000", new StringContent("{}"));
        using var slowResponse = await slow;

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missing.Content.ReadAsStringAsync());
        // The function's init fails (Runtime.ImportModuleError): a function error, which API Gateway answers with 500.
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, notAProxyResult.StatusCode); // format 1.0 needs a statusCode
        Assert.Equal(HttpStatusCode.InternalServerError, throttled.StatusCode); // API Gateway answers a Lambda throttle with 500
        Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode); // the route's 500 ms integration timeout passed
        Assert.Equal("""{"message":"Service Unavailable"}""", await late.Content.ReadAsStringAsync());
        // One log line per integration failure says why, as $context.integrationErrorMessage does; none for the 404.
        var failures = logs.Where(l => l.StartsWith("[http-api] ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, l => l.Contains("POST /fail (route POST /fail) answered 500: broken returned a function error (Unhandled: Runtime.ImportModuleError)", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("POST /echo-v1 (route POST /echo-v1) answered 500: the function's result has no statusCode", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("answered 500: slow was throttled: all 1 environments of its reserved concurrency are busy", StringComparison.Ordinal));
        Assert.Contains(failures, l => l.Contains("answered 503: late did not answer within the route's integration timeout of 500 ms", StringComparison.Ordinal));
    }
}
