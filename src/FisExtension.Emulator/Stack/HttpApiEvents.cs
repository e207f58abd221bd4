using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FisExtension.Emulator.Stack;

/// <summary>The event an HTTP API gives its Lambda integration, in payload format 2.0 or 1.0 ("Create AWS Lambda proxy
/// integrations for HTTP APIs", API Gateway developer guide), written with <see cref="Utf8JsonWriter"/>.</summary>
internal static class HttpApiEvents
{
    public const string ApiId = "local";
    public const string Stage = "$default";
    private const string DomainName = "localhost";

    public static byte[] Create(RouteMatch match, HttpApiRequest request, string accountId) =>
        match.Route.PayloadFormatVersion == HttpRoute.PayloadFormat1 ? Version1(match, request, accountId) : Version2(match, request, accountId);

    private static byte[] Version2(RouteMatch match, HttpApiRequest request, string accountId) => Write(writer =>
    {
        writer.WriteString("version", "2.0");
        writer.WriteString("routeKey", match.Route.RouteKey);
        writer.WriteString("rawPath", request.Path);
        writer.WriteString("rawQueryString", request.RawQueryString);
        var cookies = request.Headers.Where(h => h.Key.Equals("cookie", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (cookies.Count > 0) StringArray(writer, "cookies", cookies);
        // Format 2.0 joins repeated headers and query parameters with commas; header names are lower case.
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
        Context(writer, request, accountId, match.Route.RouteKey);
        writer.WriteStartObject("http");
        writer.WriteString("method", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteString("protocol", "HTTP/1.1");
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", Header(request, "user-agent") ?? "");
        writer.WriteEndObject();
        writer.WriteString("time", request.Time.ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        writer.WriteNumber("timeEpoch", request.Time.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        if (match.PathParameters.Count > 0) StringMap(writer, "pathParameters", match.PathParameters);
        Body(writer, request);
    });

    private static byte[] Version1(RouteMatch match, HttpApiRequest request, string accountId) => Write(writer =>
    {
        var resource = match.Route.IsDefault ? "$default" : match.Route.PathTemplate;
        writer.WriteString("version", "1.0");
        writer.WriteString("resource", resource);
        writer.WriteString("path", request.Path);
        writer.WriteString("httpMethod", request.Method);
        var headers = request.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase).ToList();
        writer.WriteStartObject("headers");
        foreach (var group in headers) writer.WriteString(group.Key, group.Last().Value);
        writer.WriteEndObject();
        writer.WriteStartObject("multiValueHeaders");
        foreach (var group in headers) StringArray(writer, group.Key, [.. group.Select(h => h.Value)]);
        writer.WriteEndObject();
        var query = Query(request.RawQueryString);
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
        Context(writer, request, accountId, match.Route.RouteKey);
        writer.WriteString("httpMethod", request.Method);
        writer.WriteString("path", request.Path);
        writer.WriteString("protocol", "HTTP/1.1");
        writer.WriteString("resourcePath", resource);
        writer.WriteString("requestTime", request.Time.ToString("dd/MMM/yyyy:HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        writer.WriteNumber("requestTimeEpoch", request.Time.ToUnixTimeMilliseconds());
        writer.WriteStartObject("identity");
        writer.WriteString("sourceIp", request.SourceIp);
        writer.WriteString("userAgent", Header(request, "user-agent") ?? "");
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (match.PathParameters.Count > 0) StringMap(writer, "pathParameters", match.PathParameters);
        else writer.WriteNull("pathParameters");
        writer.WriteNull("stageVariables");
        Body(writer, request);
    });

    private static void Context(Utf8JsonWriter writer, HttpApiRequest request, string accountId, string routeKey)
    {
        writer.WriteString("accountId", accountId);
        writer.WriteString("apiId", ApiId);
        writer.WriteString("domainName", DomainName);
        writer.WriteString("domainPrefix", DomainName);
        writer.WriteString("requestId", request.RequestId);
        writer.WriteString("routeKey", routeKey);
        writer.WriteString("stage", Stage);
    }

    /// <summary>Text bodies go as they are; anything that is not valid UTF-8 text goes base64-encoded.</summary>
    private static void Body(Utf8JsonWriter writer, HttpApiRequest request)
    {
        if (request.Body.Length == 0)
        {
            writer.WriteNull("body");
            writer.WriteBoolean("isBase64Encoded", false);
            return;
        }
        var text = TryText(request.Body);
        writer.WriteString("body", text ?? Convert.ToBase64String(request.Body));
        writer.WriteBoolean("isBase64Encoded", text is null);
    }

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
