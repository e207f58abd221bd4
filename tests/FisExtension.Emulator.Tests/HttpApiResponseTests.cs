using System.Net;
using System.Text;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>What the HTTP API makes of a function's result in each payload format ("Working with AWS Lambda proxy
/// integrations for HTTP APIs", "Lambda function response format").</summary>
public sealed class HttpApiResponseTests
{
    [Theory]
    [InlineData("2.0", """{"statusCode":"200","body":"x"}""")] // a status that is not a number
    [InlineData("2.0", """{"statusCode":700}""")]
    [InlineData("2.0", """{"statusCode":200,"body":"not base64!","isBase64Encoded":true}""")]
    [InlineData("1.0", """{"statusCode":"200","body":"x"}""")]
    [InlineData("1.0", """{"body":"no status"}""")] // 1.0 infers nothing
    [InlineData("1.0", "plain text, not JSON")]
    public void InvalidResult_Is500InternalServerError(string format, string result)
    {
        var answer = HttpApiResponse.FromResult(Encoding.UTF8.GetBytes(result), format);

        Assert.Equal(500, answer.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", Encoding.UTF8.GetString(answer.Body));
    }

    [Theory]
    [InlineData("\"Hello from Lambda!\"")]
    [InlineData("""{ "message": "Hello from Lambda!" }""")]
    [InlineData("not JSON at all")] // the guide speaks of valid JSON only; the Lambda Test Tool v2 observed this
    public void Version2Result_WithoutStatusCode_IsA200JsonBodyOfTheResultAsItIs(string result)
    {
        var answer = HttpApiResponse.FromResult(Encoding.UTF8.GetBytes(result), "2.0");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(("Content-Type", "application/json"), Assert.Single(answer.Headers.Select(h => (h.Key, h.Value))));
        Assert.Equal(result, Encoding.UTF8.GetString(answer.Body));
    }

    [Fact(Timeout = 60000)]
    public async Task ProxyResults_MapPerFormat_DefaultContentType_2_0CookiesOnly_1_0HeadersMergedWithMultiValueHeaders()
    {
        var routes = Stacks.Routes(("POST /v2", "responder", "2.0"), ("POST /v1", "responder", "1.0"));
        await using var stack = await Stacks.StartAsync(routes, Stacks.Node("responder", "http-responder"));
        using var client = new HttpClient { BaseAddress = stack.HttpApiEndpoint };
        const string Result = """
            {"statusCode":202,"headers":{"X-Tag":"a","X-One":"1"},"multiValueHeaders":{"X-Tag":["a","b"]},"cookies":["c=1"],"body":"hi"}
            """;

        using var v2 = await client.PostAsync("/v2", new StringContent(Result));
        using var v1 = await client.PostAsync("/v1", new StringContent(Result));

        Assert.Equal(HttpStatusCode.Accepted, v2.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", v2.Content.Headers.ContentType!.ToString());
        Assert.Equal(["a"], v2.Headers.GetValues("X-Tag")); // 2.0 has no multiValueHeaders
        Assert.Equal(["c=1"], v2.Headers.GetValues("Set-Cookie"));
        Assert.Equal("hi", await v2.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, v1.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", v1.Content.Headers.ContentType!.ToString());
        Assert.Equal(["a", "b"], v1.Headers.GetValues("X-Tag")); // the pair in both appears once
        Assert.Equal(["1"], v1.Headers.GetValues("X-One"));
        Assert.False(v1.Headers.Contains("Set-Cookie")); // 1.0 has no cookies field
    }
}
