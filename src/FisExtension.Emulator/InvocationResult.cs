namespace FisExtension.Emulator;

/// <summary>What an invocation produced, and what the invoke endpoint answered for it.</summary>
public sealed record InvocationResult
{
    public required string RequestId { get; init; }

    /// <summary>The HTTP status the invoke endpoint answers: 200, 202 (Event), 204 (DryRun), 413.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>The function's bytes exactly (or the platform's error body).</summary>
    public byte[] Payload { get; init; } = [];

    /// <summary>The value of <c>X-Amz-Function-Error</c>; null on success.</summary>
    public string? FunctionError { get; init; }

    /// <summary>The error type inside the body when the platform or the runtime reported an error.</summary>
    public string? ErrorType { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The runtime answered in streaming mode.</summary>
    public bool Streamed { get; init; }

    public string? ErrorTrailerType { get; init; }

    public string? ErrorTrailerBody { get; init; }

    /// <summary>From delivery of the invoke to the runtime's result.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>From the runtime's result to the last extension calling next again.</summary>
    public TimeSpan ExtensionsDuration { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>The invoke began with an init (cold start).</summary>
    public bool ColdStart { get; init; }

    public string? ReportLine { get; init; }

    /// <summary>The response headers the invoke endpoint sends.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The headers of the runtime's <c>/response</c> or <c>/error</c> request, as the Runtime API received them.</summary>
    public IReadOnlyDictionary<string, string> ResultRequestHeaders { get; init; } = new Dictionary<string, string>();
}
