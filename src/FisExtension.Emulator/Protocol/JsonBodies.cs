using System.Text.Json;

namespace FisExtension.Emulator.Protocol;

/// <summary>The JSON bodies the platform writes, produced with <see cref="Utf8JsonWriter"/> (no reflection).</summary>
internal static class JsonBodies
{
    public static readonly byte[] StatusOk = "{\"status\":\"OK\"}"u8.ToArray();

    public static byte[] Error(string errorType, string errorMessage) => Write(writer =>
    {
        writer.WriteString("errorMessage", errorMessage);
        writer.WriteString("errorType", errorType);
    });

    public static byte[] RegisterResponse(string functionName, string functionVersion, string handler, string? accountId) => Write(writer =>
    {
        writer.WriteString("functionName", functionName);
        writer.WriteString("functionVersion", functionVersion);
        writer.WriteString("handler", handler);
        if (accountId is not null) writer.WriteString("accountId", accountId);
    });

    public static byte[] InvokeEvent(long deadlineMs, string requestId, string invokedFunctionArn, string traceId) => Write(writer =>
    {
        writer.WriteString("eventType", EventTypes.Invoke);
        writer.WriteNumber("deadlineMs", deadlineMs);
        writer.WriteString("requestId", requestId);
        writer.WriteString("invokedFunctionArn", invokedFunctionArn);
        writer.WriteStartObject("tracing");
        writer.WriteString("type", "X-Amzn-Trace-Id");
        writer.WriteString("value", traceId);
        writer.WriteEndObject();
    });

    public static byte[] ShutdownEvent(string reason, long deadlineMs) => Write(writer =>
    {
        writer.WriteString("eventType", EventTypes.Shutdown);
        writer.WriteString("shutdownReason", reason);
        writer.WriteNumber("deadlineMs", deadlineMs);
    });

    public static byte[] Health(string status) => Write(writer => writer.WriteString("status", status));

    /// <summary>The <c>errorType</c> of an error body, when it has one.</summary>
    public static string? ErrorTypeOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorType", out var type) && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
