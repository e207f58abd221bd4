using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FisExtension.Emulator.Stack;

/// <summary>The event an HTTP API gives its Lambda integration, in payload format 2.0 or 1.0 ("Working with AWS Lambda
/// proxy integrations for HTTP APIs", API Gateway developer guide, "Payload format version"), written with
/// <see cref="Utf8JsonWriter"/>.</summary>
internal static class HttpApiEvents
{
    public const string ApiId = "local";
    // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format version": stage "$default" in both formats.
    public const string Stage = "$default";
    private const string DefaultDomainName = "localhost";
    private const string TimeFormat = "dd/MMM/yyyy:HH:mm:ss '+0000'";

    public static byte[] Create(RouteMatch match, HttpApiRequest request, string accountId) =>
        match.Route.PayloadFormatVersion == HttpRoute.PayloadFormat1 ? Version1(match, request, accountId) : Version2(match, request, accountId);

    private static byte[] Version2(RouteMatch match, HttpApiRequest request, string accountId) => Write(writer =>
    {
        writer.WriteString("version", "2.0");
        writer.WriteString("routeKey", match.Route.RouteKey);
        writer.WriteString("rawPath", request.Path);
        writer.WriteString("rawQueryString", request.RawQueryString);
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format version": 2.0 moves the Cookie
        // headers into the cookies field, one entry per cookie.
        var cookies = request.Headers.Where(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (cookies.Count > 0) StringArray(writer, "cookies", cookies);
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format differences": 2.0 joins repeated
        // headers and query parameters with commas; "Payload format structure": header names are lower case.
        writer.WriteStartObject("headers");
        foreach (var group in request.Headers.Where(h => !h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
                     .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
            writer.WriteString(group.Key, string.Join(',', group.Select(h => h.Value)));
        writer.WriteEndObject();
        var query = Query(request.RawQueryString);
        if (query.Count > 0)
        {
            writer.WriteStartObject("queryStringParameters");
            foreach (var group in query.GroupBy(p => p.Key, StringComparer.Ordinal)) writer.WriteString(group.Key, string.Join(',', group.Select(p => p.Value)));
            writer.WriteEndObject();
        }
        writer.WriteStartObject("requestContext");
        Context(writer, request, accountId);
        writer.WriteString("routeKey", match.Route.RouteKey);
        writer.WriteStartObject("http");
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", Header(request, "user-agent") ?? "");
        writer.WriteEndObject();
        writer.WriteString("time", request.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        writer.WriteNumber("timeEpoch", request.Time.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        if (match.PathParameters.Count > 0) StringMap(writer, "pathParameters", match.PathParameters);
        Body(writer, request, omitEmpty: true);
    });

    private static byte[] Version1(RouteMatch match, HttpApiRequest request, string accountId) => Write(writer =>
    {
        var resource = match.Route.IsDefault ? "$default" : match.Route.PathTemplate;
        writer.WriteString("version", "1.0");
        writer.WriteString("resource", resource);
        writer.WriteString("path", request.Path);
        writer.WriteString("httpMethod", request.Method);
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format structure": header names are
        // lower case in both formats; 1.0 gives the last value of a repeated header in headers, all in multiValueHeaders.
        var headers = request.Headers.GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        writer.WriteStartObject("headers");
        foreach (var group in headers) writer.WriteString(group.Key, group.Last().Value);
        writer.WriteEndObject();
        writer.WriteStartObject("multiValueHeaders");
        foreach (var group in headers) StringArray(writer, group.Key, [.. group.Select(h => h.Value)]);
        writer.WriteEndObject();
        var query = Query(request.RawQueryString);
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format version" (1.0 example): maps
        // that would be empty are null.
        if (query.Count == 0)
        {
            writer.WriteNull("queryStringParameters");
            writer.WriteNull("multiValueQueryStringParameters");
        }
        else
        {
            var groups = query.GroupBy(p => p.Key, StringComparer.Ordinal).ToList();
            writer.WriteStartObject("queryStringParameters");
            foreach (var group in groups) writer.WriteString(group.Key, group.Last().Value);
            writer.WriteEndObject();
            writer.WriteStartObject("multiValueQueryStringParameters");
            foreach (var group in groups) StringArray(writer, group.Key, [.. group.Select(p => p.Value)]);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("requestContext");
        Context(writer, request, accountId);
        writer.WriteString("extendedRequestId", request.RequestId);
        writer.WriteString("httpMethod", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteString("protocol", request.Protocol);
        writer.WriteNull("resourceId");
        writer.WriteString("resourcePath", resource);
        writer.WriteString("requestTime", request.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        writer.WriteNumber("requestTimeEpoch", request.Time.ToUnixTimeMilliseconds());
        writer.WriteStartObject("identity");
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format version" (1.0 example): the
        // caller identity fields are null without an IAM or Cognito authorizer.
        foreach (var field in UnauthenticatedIdentity) writer.WriteNull(field);
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", Header(request, "user-agent") ?? "");
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (match.PathParameters.Count > 0) StringMap(writer, "pathParameters", match.PathParameters);
        else writer.WriteNull("pathParameters");
        writer.WriteNull("stageVariables");
        Body(writer, request);
    });

    private static readonly string[] UnauthenticatedIdentity =
        ["accessKey", "accountId", "caller", "cognitoAuthenticationProvider", "cognitoAuthenticationType", "cognitoIdentityId",
         "cognitoIdentityPoolId", "principalOrgId", "user", "userArn"];

    private static void Context(Utf8JsonWriter writer, HttpApiRequest request, string accountId)
    {
        // AWS: Working with AWS Lambda proxy integrations for HTTP APIs, "Payload format version": domainName is the host
        // the client called, domainPrefix its first label ("id" of id.execute-api.us-east-1.amazonaws.com).
        var domainName = string.IsNullOrEmpty(request.Host) ? DefaultDomainName : request.Host;
        writer.WriteString("accountId", accountId);
        writer.WriteString("apiId", ApiId);
        writer.WriteString("domainName", domainName);
        writer.WriteString("domainPrefix", domainName.Split('.')[0]);
        writer.WriteString("requestId", request.RequestId);
        writer.WriteString("stage", Stage);
    }

    /// <summary>A body of a text media type goes as it is; any other goes base64-encoded with isBase64Encoded.</summary>
    private static void Body(Utf8JsonWriter writer, HttpApiRequest request, bool omitEmpty = false)
    {
        if (request.Body.Length == 0)
        {
            // AWS: 2.0 leaves out a body it does not have, as observed in ministackorg/ministack#1163 (AWS Lambda
            // Powertools' 2.0 event check refuses "body": null); 1.0 writes null (the guide's 1.0 example, proxy-event.json).
            if (!omitEmpty) writer.WriteNull("body");
            writer.WriteBoolean("isBase64Encoded", false);
            return;
        }
        var text = IsTextMediaType(Header(request, "content-type")) ? TryText(request.Body) : null;
        writer.WriteString("body", text ?? Convert.ToBase64String(request.Body));
        writer.WriteBoolean("isBase64Encoded", text is null);
    }

    /// <summary>The guide says only that a binary body is base64-encoded. Which media types HTTP APIs pass as text was
    /// checked against AWS in ministackorg/ministack#766: text/*, application/json, application/xml and
    /// application/javascript; anything else, a missing Content-Type and application/x-www-form-urlencoded included,
    /// is base64 (also seen in aws-samples/php-examples-for-aws-lambda#34, dherault/serverless-offline#1776).</summary>
    private static bool IsTextMediaType(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mediaType.StartsWith("text/", StringComparison.Ordinal) || TextApplicationTypes.Contains(mediaType);
    }

    private static readonly string[] TextApplicationTypes = ["application/json", "application/xml", "application/javascript"];

    private static string? TryText(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Header(HttpApiRequest request, string name) =>
        request.Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static List<KeyValuePair<string, string>> Query(string raw) =>
        [.. raw.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            return KeyValuePair.Create(Uri.UnescapeDataString(key.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        })];

    private static void StringArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static void StringMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        // API Gateway writes "+0000" and other ASCII as it is; the relaxed encoder still escapes what JSON requires.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
