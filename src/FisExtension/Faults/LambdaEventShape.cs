using System.Text.Json;

namespace FisExtension.Faults;

/// <summary>Recognises where an invocation event came from, without deserialising it.</summary>
internal static class LambdaEventShape
{
    private const string RequestContextProperty = "requestContext";
    private const string ElbProperty = "elb";

    /// <summary>
    /// True when <paramref name="eventJson"/> is one complete JSON object whose <c>requestContext</c> holds an
    /// <c>elb</c> object, as Application Load Balancer events do. Anything else — other events, invalid or
    /// truncated JSON, binary data — is false; this never throws.
    /// </summary>
    public static bool IsApplicationLoadBalancer(ReadOnlySpan<byte> eventJson)
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
                return false;
            }

            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRequestContext = reader.ValueTextEquals(RequestContextProperty);
                reader.Read();
                if (isRequestContext && reader.TokenType == JsonTokenType.StartObject)
                {
                    found |= HasObjectProperty(ref reader, ElbProperty);
                }
                else
                {
                    reader.Skip();
                }
            }

            // Reading on to the end rejects truncated or trailing garbage: the answer is for a whole event only.
            return !reader.Read() && found;
        }
        catch (JsonException)
        {
            return false;
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
