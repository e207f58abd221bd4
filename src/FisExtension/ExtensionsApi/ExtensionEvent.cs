using System.Text.Json.Serialization;

namespace FisExtension.ExtensionsApi;

/// <summary>An event from <c>GET /extension/event/next</c>: INVOKE or SHUTDOWN.</summary>
internal sealed record ExtensionEvent
{
    public const string Invoke = ExtensionsApiEvents.Invoke;
    public const string Shutdown = ExtensionsApiEvents.Shutdown;

    [JsonPropertyName("eventType")]
    public string EventType { get; init; } = "";

    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    [JsonPropertyName("deadlineMs")]
    public long DeadlineMs { get; init; }

    [JsonPropertyName("shutdownReason")]
    public string? ShutdownReason { get; init; }
}
