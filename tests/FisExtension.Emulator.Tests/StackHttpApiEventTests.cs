using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The events the stack's HTTP API builds, held against the AWS samples in ../shared/data/lambda-events and
/// the payload format examples of "Working with AWS Lambda proxy integrations for HTTP APIs".</summary>
public sealed class StackHttpApiEventTests
{
    [Fact(Timeout = 60000)]
    public async Task Version2Event_HasOnlyKeysOfTheAwsSample_AndTheDocumentedRequestContext()
    {
        await using var stack = await Stacks.StartAsync(Stacks.Routes(("GET /orders/{id}", "mirror", "2.0")), Stacks.Node("mirror", "event-mirror"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/42?expand=a&expand=b");
        request.Headers.Host = "orders.example.test";
        request.Headers.Add("Cookie", "session=abc");
        request.Headers.Add("User-Agent", "front-door-test/1");
        var before = DateTimeOffset.UtcNow;

        using var response = await client.SendAsync(request);

        var after = DateTimeOffset.UtcNow;
        using var received = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var sample = JsonDocument.Parse(SharedEvent("http-api-v2-request.json"));
        var payload = received.RootElement;
        AssertKeysAmong(payload, sample.RootElement);
        AssertKeysAmong(payload.GetProperty("requestContext"), sample.RootElement.GetProperty("requestContext"));
        AssertKeysAmong(payload.GetProperty("requestContext").GetProperty("http"), sample.RootElement.GetProperty("requestContext").GetProperty("http"));
        var context = payload.GetProperty("requestContext");
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal("GET /orders/{id}", context.GetProperty("routeKey").GetString());
        Assert.Equal("orders.example.test", context.GetProperty("domainName").GetString());
        Assert.Equal("orders", context.GetProperty("domainPrefix").GetString());
        Assert.Equal("123456789012", context.GetProperty("accountId").GetString());
        Assert.Equal(response.Headers.GetValues("Apigw-Requestid").Single(), context.GetProperty("requestId").GetString());
        Assert.Equal("HTTP/1.1", context.GetProperty("http").GetProperty("protocol").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("http").GetProperty("sourceIp").GetString());
        Assert.Equal("front-door-test/1", context.GetProperty("http").GetProperty("userAgent").GetString());
        AssertTime(context.GetProperty("time").GetString()!, context.GetProperty("timeEpoch").GetInt64(), before, after);
        Assert.Equal(["session=abc"], payload.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("a,b", payload.GetProperty("queryStringParameters").GetProperty("expand").GetString());
        Assert.False(payload.TryGetProperty("body", out _)); // 2.0 leaves out what the request did not have
        Assert.False(payload.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact(Timeout = 60000)]
    public async Task Version1Event_HasTheDocumentedFields_LowerCaseHeaderNames_AndNullsForWhatWasNotSent()
    {
        await using var stack = await Stacks.StartAsync(Stacks.Routes(("GET /items/{id}", "mirror", "1.0")), Stacks.Node("mirror", "event-mirror"));
        var before = DateTimeOffset.UtcNow;

        // Raw, so that X-Tag arrives as two header lines (HttpClient would join them into one).
        var body = await RawGetAsync(stack.HttpApiEndpoint, "/items/7", "X-Tag: first", "X-Tag: second");

        var after = DateTimeOffset.UtcNow;
        using var received = JsonDocument.Parse(body);
        using var restSample = JsonDocument.Parse(SharedEvent("proxy-event.json"));
        var payload = received.RootElement;
        foreach (var key in restSample.RootElement.EnumerateObject().Select(p => p.Name))
            Assert.True(payload.TryGetProperty(key, out _), $"the 1.0 event lacks \"{key}\", which the REST proxy sample has");
        Assert.Equal("1.0", payload.GetProperty("version").GetString());
        Assert.Equal("/items/{id}", payload.GetProperty("resource").GetString());
        Assert.Equal("7", payload.GetProperty("pathParameters").GetProperty("id").GetString());
        Assert.All(payload.GetProperty("headers").EnumerateObject(), h => Assert.Equal(h.Name.ToLowerInvariant(), h.Name));
        Assert.Equal("second", payload.GetProperty("headers").GetProperty("x-tag").GetString());
        Assert.Equal(["first", "second"], payload.GetProperty("multiValueHeaders").GetProperty("x-tag").EnumerateArray().Select(v => v.GetString()));
        foreach (var absent in new[] { "queryStringParameters", "multiValueQueryStringParameters", "stageVariables", "body" })
            Assert.Equal(JsonValueKind.Null, payload.GetProperty(absent).ValueKind);
        var context = payload.GetProperty("requestContext");
        string[] documented = ["accountId", "apiId", "domainName", "domainPrefix", "extendedRequestId", "httpMethod", "identity", "path", "protocol",
            "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage"];
        Assert.Equal(documented, context.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("/items/{id}", context.GetProperty("resourcePath").GetString());
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal("/items/7", context.GetProperty("path").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("identity").GetProperty("sourceIp").GetString());
        Assert.Equal(JsonValueKind.Null, context.GetProperty("identity").GetProperty("userArn").ValueKind);
        AssertTime(context.GetProperty("requestTime").GetString()!, context.GetProperty("requestTimeEpoch").GetInt64(), before, after);
    }

    [Theory(Timeout = 60000)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("text/csv", false)]
    [InlineData("application/x-www-form-urlencoded", true)] // not text for an HTTP API
    [InlineData(null, true)] // no Content-Type: binary
    public async Task RequestBody_IsBase64EncodedUnlessItsMediaTypeIsText(string? contentType, bool base64)
    {
        await using var stack = await Stacks.StartAsync(Stacks.Routes(("POST /upload", "echo", "2.0")), Stacks.Shell("echo"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };
        using var content = new ByteArrayContent("a=1"u8.ToArray());
        if (contentType is not null) content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/upload", content);

        using var received = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(base64, received.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(base64 ? "YT0x" : "a=1", received.RootElement.GetProperty("body").GetString());
    }

    private static void AssertKeysAmong(JsonElement actual, JsonElement sample)
    {
        foreach (var key in actual.EnumerateObject().Select(p => p.Name))
            Assert.True(sample.TryGetProperty(key, out _), $"\"{key}\" is not a key of the AWS sample");
    }

    /// <summary>"12/Mar/2020:19:03:58 +0000", the same instant as the epoch milliseconds, taken while the request ran.</summary>
    private static void AssertTime(string time, long epochMilliseconds, DateTimeOffset before, DateTimeOffset after)
    {
        var parsed = DateTimeOffset.ParseExact(time, "dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var epoch = DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds);
        Assert.Equal(epoch.ToUnixTimeSeconds(), parsed.ToUnixTimeSeconds());
        Assert.InRange(epoch, before.AddMilliseconds(-1), after.AddMilliseconds(1));
    }

    /// <summary>A GET over a plain socket with the given header lines; the response body.</summary>
    private static async Task<string> RawGetAsync(Uri endpoint, string path, params string[] headerLines)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {path} HTTP/1.1\r\nHost: {endpoint.Authority}\r\n{string.Concat(headerLines.Select(h => h + "\r\n"))}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        return response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
    }

    private static string SharedEvent(string name) =>
        File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "data", "lambda-events", name));
}
