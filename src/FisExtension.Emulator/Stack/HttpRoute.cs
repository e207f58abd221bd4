namespace FisExtension.Emulator.Stack;

/// <summary>An HTTP API route ("GET /orders/{id}", "ANY /files/{proxy+}" or "$default") and its Lambda integration.</summary>
public sealed record HttpRoute
{
    public const string DefaultRouteKey = "$default";
    public const string AnyMethod = "ANY";
    public const string PayloadFormat2 = "2.0";
    public const string PayloadFormat1 = "1.0";

    public required string RouteKey { get; init; }

    /// <summary>The function the integration invokes.</summary>
    public required string FunctionName { get; init; }

    /// <summary><c>2.0</c> (HTTP API event) or <c>1.0</c> (REST API proxy event). Defaults to 2.0.</summary>
    public string PayloadFormatVersion { get; init; } = PayloadFormat2;

    /// <summary>The integration timeout: API Gateway answers 503 when the function has not answered by then. HTTP
    /// APIs allow 50 ms to 30 s. Defaults to 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = MaxTimeout;

    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(30);

    public bool IsDefault => RouteKey == DefaultRouteKey;

    public string Method => IsDefault ? AnyMethod : RouteKey[..RouteKey.IndexOf(' ', StringComparison.Ordinal)];

    public string PathTemplate => IsDefault ? "" : RouteKey[(RouteKey.IndexOf(' ', StringComparison.Ordinal) + 1)..];
}
