using System.Text.Json;
using FisExtension.Faults;
using static FisExtension.Tests.Faults.TestFaults;

namespace FisExtension.Tests.Faults;

public sealed class SyntheticHttpResponseTests
{
    [Theory]
    [InlineData(SharedLambdaEvents.ApiGatewayV1)]
    [InlineData(SharedLambdaEvents.HttpApiV2)]
    public void ApiGatewayEvent_GetsTheFourDocumentedFields(string eventFile)
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), statusCode: 503);

        using var response = Respond(fault, eventFile);

        Assert.Equal(["statusCode", "headers", "body", "isBase64Encoded"], FieldNames(response.RootElement));
        Assert.Equal(503, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(["Content-Type"], FieldNames(response.RootElement.GetProperty("headers")));
        Assert.Equal("application/json", response.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("""{"message":"Service Unavailable","source":"aws-fis"}""", response.RootElement.GetProperty("body").GetString());
        Assert.False(response.RootElement.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Theory]
    [InlineData(SharedLambdaEvents.AlbSingleValue)]
    [InlineData(SharedLambdaEvents.AlbMultiValue)]
    public void AlbEvent_AlsoGetsStatusDescription(string eventFile)
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), statusCode: 503);

        using var response = Respond(fault, eventFile);

        Assert.Equal(["statusCode", "statusDescription", "headers", "body", "isBase64Encoded"], FieldNames(response.RootElement));
        Assert.Equal("503 Service Unavailable", response.RootElement.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public void Response_IsCompactUtf8()
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), statusCode: 503);

        Assert.Equal(
            """{"statusCode":503,"statusDescription":"503 Service Unavailable","headers":{"Content-Type":"application/json"},"body":"{\"message\":\"Service Unavailable\",\"source\":\"aws-fis\"}","isBase64Encoded":false}"""u8.ToArray(),
            SyntheticHttpResponse.Create(fault, fromApplicationLoadBalancer: true));
    }

    [Theory]
    [InlineData("text/plain", "Too Many Requests (aws-fis)")]
    [InlineData("text/html; charset=utf-8", "Too Many Requests (aws-fis)")]
    [InlineData("application/json; charset=utf-8", """{"message":"Too Many Requests","source":"aws-fis"}""")]
    [InlineData("Application/JSON", """{"message":"Too Many Requests","source":"aws-fis"}""")]
    [InlineData("application/problem+json", """{"message":"Too Many Requests","source":"aws-fis"}""")]
    public void Body_IsJsonForJsonContentTypes_AndPlainTextOtherwise(string contentType, string expectedBody)
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), statusCode: 429, contentType: contentType);

        using var response = JsonDocument.Parse(SyntheticHttpResponse.Create(fault, fromApplicationLoadBalancer: false));

        Assert.Equal(contentType, response.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(expectedBody, response.RootElement.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(200, "200 OK")]
    [InlineData(404, "404 Not Found")]
    [InlineData(500, "500 Internal Server Error")]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(504, "504 Gateway Timeout")]
    [InlineData(299, "299 Successful")]
    [InlineData(460, "460 Client Error")]
    [InlineData(499, "499 Client Closed Request")]
    [InlineData(599, "599 Server Error")]
    [InlineData(0, "0 Unknown Status")]
    [InlineData(999, "999 Unknown Status")]
    public void StatusDescription_UsesTheRegisteredPhrase_OrTheClassName(int statusCode, string expected)
    {
        Assert.Equal(expected, SyntheticHttpResponse.StatusDescription(statusCode));
    }

    [Fact]
    public void ContentTypeWithQuotes_IsEscaped_AndTheDocumentStaysValidJson()
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), contentType: "text/plain; charset=\"utf-8\"");

        using var response = JsonDocument.Parse(SyntheticHttpResponse.Create(fault, fromApplicationLoadBalancer: false));

        Assert.Equal("text/plain; charset=\"utf-8\"", response.RootElement.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Fact]
    public void MultiValueAlbEvent_GetsItsContentTypeInMultiValueHeaders_AndNoHeaders()
    {
        var fault = Http("inject-http", T0, T0.AddMinutes(5), statusCode: 503);

        using var response = JsonDocument.Parse(SyntheticHttpResponse.Create(fault, LambdaEventShape.Read(SharedLambdaEvents.Read(SharedLambdaEvents.AlbMultiValue))));

        var values = response.RootElement.GetProperty("multiValueHeaders").GetProperty("Content-Type");
        Assert.Equal(["application/json"], values.EnumerateArray().Select(v => v.GetString()));
        Assert.False(response.RootElement.TryGetProperty("headers", out _));
        Assert.Equal("503 Service Unavailable", response.RootElement.GetProperty("statusDescription").GetString());
    }

    private static JsonDocument Respond(FaultDefinition fault, string eventFile)
    {
        var isAlb = LambdaEventShape.IsApplicationLoadBalancer(SharedLambdaEvents.Read(eventFile));
        return JsonDocument.Parse(SyntheticHttpResponse.Create(fault, isAlb));
    }

    private static string[] FieldNames(JsonElement element) => [.. element.EnumerateObject().Select(field => field.Name)];
}
