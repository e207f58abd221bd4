using System.Net;
using System.Text.Json;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The stack's HTTP API: route selection, the API Gateway event in formats 2.0 and 1.0, and what API Gateway
/// answers for the function's result, its errors, a missing route and a throttled invocation.</summary>
public sealed class StackHttpApiTests
{
    private static StackFunction OrdersApi() => new()
    {
        Definition = new FunctionDefinition
        {
            FunctionName = "orders-api",
            RuntimeCommand = [TestPaths.NodeRic, "index.handler"],
            TaskRoot = Path.Combine(TestPaths.Functions, "orders-api"),
            ExecutionEnvironment = "AWS_Lambda_nodejs20.x",
            Timeout = TimeSpan.FromSeconds(10),
        },
    };

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
        await using var stack = await Stacks.StartAsync(routes, OrdersApi());
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
        var broken = Stacks.Shell("broken");
        broken = broken with { Definition = broken.Definition with { Environment = new Dictionary<string, string> { ["SHELL_RUNTIME_INIT_ERROR"] = "Runtime.ImportModuleError" } } };
        await using var stack = await Stacks.StartAsync(routes, Stacks.Shell("echo"), broken, Stacks.Shell("slow", reservedConcurrency: 1));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };

        using var missing = await client.GetAsync("/nowhere");
        using var failed = await client.PostAsync("/fail", new StringContent("{}"));
        using var notAProxyResult = await client.PostAsync("/echo-v1", new StringContent("{}"));
        var slow = client.PostAsync("/slow", new StringContent("""{"action":"sleep","sleepMs":3000}"""));
        await Eventually.TrueAsync(() => stack.LiveEnvironments("slow") == 1, TimeSpan.FromSeconds(10));
        using var throttled = await client.PostAsync("/slow", new StringContent("{}"));
        using var slowResponse = await slow;

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await missing.Content.ReadAsStringAsync());
        // The function's init fails (Runtime.ImportModuleError): a function error, which API Gateway answers with 500.
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, notAProxyResult.StatusCode); // format 1.0 needs a statusCode
        Assert.Equal(HttpStatusCode.InternalServerError, throttled.StatusCode); // API Gateway answers a Lambda throttle with 500
        Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
    }
}
