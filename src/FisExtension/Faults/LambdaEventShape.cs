using System.Text.Json;

namespace FisExtension.Faults;

/// <summary>Recognises where an invocation event came from, without deserialising it.</summary>
internal static class LambdaEventShape
{
    private const string RequestContextProperty = "requestContext";
    private const string ElbProperty = "elb";
    private const string HeadersProperty = "headers";
    private const string MultiValueHeadersProperty = "multiValueHeaders";

    /// <summary>
    /// True when <paramref name="eventJson"/> is one complete JSON object whose <c>requestContext</c> holds an
    /// <c>elb</c> object, as Application Load Balancer events do. Anything else — other events, invalid or
    /// truncated JSON, binary data — is false; this never throws.
    /// </summary>
    public static bool IsApplicationLoadBalancer(ReadOnlySpan<byte> eventJson) => Read(eventJson).FromApplicationLoadBalancer;

    /// <summary>
    /// Reads what a synthetic HTTP response must match: whether the event came from an Application Load Balancer,
    /// and whether it carries only <c>multiValueHeaders</c>. Any bytes that are not one whole JSON object give
    /// <see cref="HttpEventShape.Unknown"/>; this never throws.
    /// </summary>
    public static HttpEventShape Read(ReadOnlySpan<byte> eventJson)
    {
        // A byte-order mark is not JSON, but a hand-written test event may carry one.
        if (eventJson.StartsWith("\uFEFF"u8))
        {
            eventJson = eventJson[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(eventJson);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return HttpEventShape.Unknown;
            }

            bool elb = false, headers = false, multiValueHeaders = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRequestContext = reader.ValueTextEquals(RequestContextProperty);
                var isHeaders = reader.ValueTextEquals(HeadersProperty);
                var isMultiValueHeaders = reader.ValueTextEquals(MultiValueHeadersProperty);
                reader.Read();
                var isObject = reader.TokenType == JsonTokenType.StartObject;
                headers |= isHeaders && isObject;
                multiValueHeaders |= isMultiValueHeaders && isObject;
                if (isRequestContext && isObject)
                {
                    elb |= HasObjectProperty(ref reader, ElbProperty);
                }
                else
                {
                    reader.Skip();
                }
            }

            // Reading on to the end rejects truncated or trailing garbage: the answer is for a whole event only.
            return reader.Read() ? HttpEventShape.Unknown : new HttpEventShape(elb, multiValueHeaders && !headers);
        }
        catch (JsonException)
        {
            return HttpEventShape.Unknown;
        }
    }

    // Reads the object the reader is positioned on to its end.
    private static bool HasObjectProperty(ref Utf8JsonReader reader, string name)
    {
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isName = reader.ValueTextEquals(name);
            reader.Read();
            found |= isName && reader.TokenType == JsonTokenType.StartObject;
            reader.Skip();
        }

        return found;
    }
}
