using System.Text;
using System.Text.Json;

namespace FisExtension.Emulator.Stack;

/// <summary>The HTTP response an HTTP API makes of its Lambda integration's result ("Create AWS Lambda proxy integrations
/// for HTTP APIs", API Gateway developer guide): a document with <c>statusCode</c> maps onto status, headers, cookies and
/// body; with format 2.0 any other valid JSON is a 200 <c>application/json</c> body; anything else is an integration
/// failure, answered 500 <c>{"message":"Internal Server Error"}</c>.</summary>
internal sealed record HttpApiResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static readonly HttpApiResponse InternalServerError = Message(500, "Internal Server Error");

    public static readonly HttpApiResponse NotFound = Message(404, "Not Found");

    public static readonly HttpApiResponse ServiceUnavailable = Message(503, "Service Unavailable");

    public static HttpApiResponse Message(int statusCode, string message) =>
        new(statusCode, [KeyValuePair.Create("Content-Type", "application/json")],
            Encoding.UTF8.GetBytes($"{{\"message\":\"{message}\"}}"));

    public static HttpApiResponse FromResult(byte[] payload, string payloadFormatVersion)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return InternalServerError;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out _)) return Structured(root) ?? InternalServerError;
            if (payloadFormatVersion == HttpRoute.PayloadFormat1) return InternalServerError;
            return new HttpApiResponse(200, [KeyValuePair.Create("Content-Type", "application/json")], payload);
        }
    }

    private static HttpApiResponse? Structured(JsonElement root)
    {
        if (!root.GetProperty("statusCode").TryGetInt32(out var status) || status is < 100 or > 599) return null;
        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var single) && single.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in single.EnumerateObject()) headers.Add(KeyValuePair.Create(header.Name, Text(header.Value)));
        }
        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.Array))
                headers.AddRange(header.Value.EnumerateArray().Select(v => KeyValuePair.Create(header.Name, Text(v))));
        }
        if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Array)
            headers.AddRange(cookies.EnumerateArray().Select(c => KeyValuePair.Create("Set-Cookie", Text(c))));
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
                return null;
            }
        }
        return new HttpApiResponse(status, headers, bytes);
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
