using System.Text;
using System.Text.Json;

namespace FisExtension.Emulator.Stack;

/// <summary>The HTTP response an HTTP API makes of its Lambda integration's result ("Working with AWS Lambda proxy
/// integrations for HTTP APIs", API Gateway developer guide, "Lambda function response format"): a document with
/// <c>statusCode</c> maps onto status, headers and body; with format 2.0 anything else is a 200 <c>application/json</c>
/// body; what cannot be mapped is an integration failure, answered 500 <c>{"message":"Internal Server Error"}</c>.</summary>
internal sealed record HttpApiResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>Why the integration failed, for the stack's log (what <c>$context.integrationErrorMessage</c> gives an
    /// HTTP API's access log); never sent to the caller. Null when the result mapped.</summary>
    public string? IntegrationError { get; init; }

    private const string JsonContentType = "application/json";

    // AWS: aws/aws-lambda-dotnet Lambda Test Tool v2, ApiGatewayResponseExtensions (observed HTTP API behaviour; the
    // developer guide is silent): a proxy result without a content type is sent as text/plain; charset=utf-8.
    private const string DefaultContentType = "text/plain; charset=utf-8";

    // AWS: Troubleshooting issues with HTTP API Lambda integrations, "My API with a Lambda integration returns
    // {"message":"Internal Server Error"}": the HTTP API's answer to any integration failure.
    public static readonly HttpApiResponse InternalServerError = Message(500, "Internal Server Error");

    // AWS: aws/aws-lambda-dotnet#1909 (Lambda Test Tool v2): an HTTP API answers a request no route matches with 404
    // {"message":"Not Found"}; a REST API would answer 403 {"message":"Missing Authentication Token"}.
    public static readonly HttpApiResponse NotFound = Message(404, "Not Found");

    // AWS: HTTP API quotas, "Maximum integration timeout" 30 seconds; the answer, 503 {"message":"Service Unavailable"},
    // as captured from an HTTP API in cortexlabs/cortex#1225 (the developer guide does not print it).
    public static readonly HttpApiResponse ServiceUnavailable = Message(503, "Service Unavailable");

    public static HttpApiResponse Message(int statusCode, string message) =>
        new(statusCode, [KeyValuePair.Create("Content-Type", JsonContentType)], Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}"));

    public static HttpApiResponse Failure(string integrationError) => InternalServerError with { IntegrationError = integrationError };

    public static HttpApiResponse FromResult(byte[] payload, string payloadFormatVersion)
    {
        var version1 = payloadFormatVersion == HttpRoute.PayloadFormat1;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Lambda function response for format 1.0":
            // the integration must return the proxy document. For 2.0 the guide only speaks of valid JSON; we follow
            // aws/aws-lambda-dotnet Lambda Test Tool v2, InvokeResponseExtensions (observed: any result without a
            // statusCode, even one that is not JSON, is the body of a 200).
            return version1 ? Failure("the function's result is not JSON; payload format 1.0 needs a document with statusCode") : Inferred(payload);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out _))
                return version1 ? Version1(root) : Version2(root);
            // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Lambda function response for format 2.0":
            // without a statusCode, 2.0 infers 200 application/json with the result as the body; 1.0 cannot.
            return version1 ? Failure("the function's result has no statusCode; payload format 1.0 needs one") : Inferred(payload);
        }
    }

    private static HttpApiResponse Inferred(byte[] payload) => new(200, [KeyValuePair.Create("Content-Type", JsonContentType)], payload);

    /// <summary>Format 2.0: <c>statusCode</c>, <c>headers</c>, <c>cookies</c> (each a <c>Set-Cookie</c>), <c>body</c>,
    /// <c>isBase64Encoded</c>; the format has no <c>multiValueHeaders</c>.</summary>
    private static HttpApiResponse Version2(JsonElement root)
    {
        var headers = SingleHeaders(root);
        if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            headers.AddRange(cookies.EnumerateArray().Select(c => KeyValuePair.Create("Set-Cookie", Text(c))));
        return Mapped(root, headers);
    }

    /// <summary>Format 1.0: <c>statusCode</c>, <c>headers</c>, <c>multiValueHeaders</c>, <c>body</c>,
    /// <c>isBase64Encoded</c>.</summary>
    private static HttpApiResponse Version1(JsonElement root)
    {
        var multiValue = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
                multiValue.AddRange(header.Value.EnumerateArray().Select(v => KeyValuePair.Create(header.Name, Text(v))));
        }
        // AWS: Set up Lambda proxy integrations in API Gateway, "Output format of a Lambda function for proxy
        // integration": headers and multiValueHeaders are merged; a pair in both appears once, from multiValueHeaders.
        var headers = SingleHeaders(root).Where(h => !multiValue.Any(m =>
            m.Key.Equals(h.Key, StringComparison.OrdinalIgnoreCase) && m.Value == h.Value)).ToList();
        headers.AddRange(multiValue);
        return Mapped(root, headers);
    }

    private static List<KeyValuePair<string, string>> SingleHeaders(JsonElement root)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in single.EnumerateObject()) headers.Add(KeyValuePair.Create(header.Name, Text(header.Value)));
        }
        return headers;
    }

    /// <summary>The status and body of a proxy document, or a failure when they are not valid: a statusCode that is not
    /// a number from 100 to 599, or a body marked base64 that is not.</summary>
    private static HttpApiResponse Mapped(JsonElement root, List<KeyValuePair<string, string>> headers)
    {
        var statusCode = root.GetProperty("statusCode");
        if (statusCode.ValueKind != JsonValueKind.Number || !statusCode.TryGetInt32(out var status) || status is < 100 or > 599)
            return Failure($"the result's statusCode {statusCode.GetRawText()} is not a number from 100 to 599");
        var bodyText = root.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null ? Text(body) : "";
        var base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        byte[] bytes;
        if (!base64) bytes = Encoding.UTF8.GetBytes(bodyText);
        else
        {
            try
            {
                bytes = Convert.FromBase64String(bodyText);
            }
            catch (FormatException)
            {
                return Failure("the result's body is marked isBase64Encoded but is not base64");
            }
        }
        if (!headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            headers.Add(KeyValuePair.Create("Content-Type", DefaultContentType));
        return new HttpApiResponse(status, headers, bytes);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
