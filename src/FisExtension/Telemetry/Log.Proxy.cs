using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Warning, "could not forward {Method} {Path} to the Runtime API ({Error}); answered the runtime with {StatusCode}{LeftOut}")]
    public static partial void ForwardFailed(ILogger logger, string method, string path, string error, int statusCode, string leftOut);

    [LoggerMessage(201, LogLevel.Error, "could not listen on {Listener}: {Reason}. The function runs without fault injection")]
    public static partial void ListenFailed(ILogger logger, string listener, string reason);

    [LoggerMessage(202, LogLevel.Warning, "refused a request from the runtime with {StatusCode} ({Reason}); it did not reach the Runtime API{LeftOut}")]
    public static partial void RequestRefused(ILogger logger, int statusCode, string reason, string leftOut);

    // At SHUTDOWN or a reset the runtime and the Runtime API go away mid-request: expected, not worth a warning.
    [LoggerMessage(203, LogLevel.Debug, "while shutting down, could not forward {Method} {Path} to the Runtime API ({Error})")]
    public static partial void ForwardEndedByShutdown(ILogger logger, string method, string path, string error);
}
