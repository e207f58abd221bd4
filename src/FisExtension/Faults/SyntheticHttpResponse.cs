using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FisExtension.Faults;

/// <summary>
/// The Lambda response document of an <see cref="FaultKind.HttpIntegrationResponse"/> fault, in the shape API
/// Gateway (REST and HTTP APIs), Application Load Balancers and VPC Lattice all accept (fis-lambda-actions.md §5):
/// <c>{"statusCode":503,"headers":{"Content-Type":"…"},"body":"…","isBase64Encoded":false}</c>, plus
/// <c>"statusDescription":"503 Service Unavailable"</c> for an Application Load Balancer, which reads it.
/// </summary>
internal static class SyntheticHttpResponse
{
    /// <summary>Names the extension as the body's source, so a caller can tell a drill from a real outage.</summary>
    public const string BodySource = "aws-fis";

    private const string StatusCodeField = "statusCode";
    private const string StatusDescriptionField = "statusDescription";
    private const string HeadersField = "headers";
    private const string MultiValueHeadersField = "multiValueHeaders";
    private const string ContentTypeHeader = "Content-Type";
    private const string BodyField = "body";
    private const string IsBase64EncodedField = "isBase64Encoded";
    private const string MessageField = "message";
    private const string SourceField = "source";
    private const string JsonMediaType = "application/json";
    private const string StructuredJsonSuffix = "+json";

    // The body and content type reach end users and their tooling: keep '+' and quotes readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The response document as UTF-8, for the fault's status code and content type.</summary>
    /// <param name="fault">An <see cref="FaultKind.HttpIntegrationResponse"/> fault.</param>
    /// <param name="fromApplicationLoadBalancer">See <see cref="LambdaEventShape.IsApplicationLoadBalancer"/>.</param>
    public static byte[] Create(FaultDefinition fault, bool fromApplicationLoadBalancer) =>
        Create(fault, new HttpEventShape(fromApplicationLoadBalancer, MultiValueHeaders: false));

    /// <summary>
    /// The response document for the event's shape. Behind a target group with multi-value headers on, an
    /// Application Load Balancer reads only <c>multiValueHeaders</c> (and answers 502 without them), so the
    /// header goes there, as a one-value list, instead of in <c>headers</c>.
    /// </summary>
    public static byte[] Create(FaultDefinition fault, HttpEventShape shape)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber(StatusCodeField, fault.StatusCode);
            if (shape.FromApplicationLoadBalancer)
            {
                json.WriteString(StatusDescriptionField, StatusDescription(fault.StatusCode));
            }

            if (shape is { FromApplicationLoadBalancer: true, MultiValueHeaders: true })
            {
                json.WriteStartObject(MultiValueHeadersField);
                json.WriteStartArray(ContentTypeHeader);
                json.WriteStringValue(fault.ContentTypeHeader);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteStartObject(HeadersField);
                json.WriteString(ContentTypeHeader, fault.ContentTypeHeader);
                json.WriteEndObject();
            }

            json.WriteString(BodyField, Body(fault.StatusCode, fault.ContentTypeHeader));
            json.WriteBoolean(IsBase64EncodedField, false);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The status code and its reason phrase, as an Application Load Balancer expects: <c>503 Service Unavailable</c>.</summary>
    public static string StatusDescription(int statusCode) =>
        string.Create(CultureInfo.InvariantCulture, $"{statusCode} {HttpReasonPhrase.For(statusCode)}");

    /// <summary>
    /// <c>{"message":"Service Unavailable","source":"aws-fis"}</c> for a JSON content type (<c>application/json</c>
    /// or any <c>+json</c> type); otherwise the plain text <c>Service Unavailable (aws-fis)</c>.
    /// </summary>
    public static string Body(int statusCode, string contentType)
    {
        var reasonPhrase = HttpReasonPhrase.For(statusCode);
        if (!IsJson(contentType))
        {
            return $"{reasonPhrase} ({BodySource})";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString(MessageField, reasonPhrase);
            json.WriteString(SourceField, BodySource);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Media types are case-insensitive and may carry parameters (RFC 9110 §8.3.1): "application/json; charset=utf-8".
    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.AsSpan();
        var parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType[..parameters];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith(StructuredJsonSuffix, StringComparison.OrdinalIgnoreCase);
    }
}
