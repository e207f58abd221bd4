using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Warning, "could not forward {Method} {Path} to the Runtime API ({Error}); answered the runtime with {StatusCode}")]
    public static partial void ForwardFailed(ILogger logger, string method, string path, string error, int statusCode);

    [LoggerMessage(201, LogLevel.Error, "could not listen on {Listener}: {Reason}. The function runs without fault injection")]
    public static partial void ListenFailed(ILogger logger, string listener, string reason);
}
