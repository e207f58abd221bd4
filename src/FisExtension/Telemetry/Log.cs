using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

/// <summary>
/// Every log event of the extension, with stable ids. One partial file per area keeps its own range:
/// 1xx start-up and lifecycle (here), 2xx proxy, 3xx configuration, 4xx faults.
/// Messages follow the AWS extension's wording; <see cref="FisLogLine.Prefix"/> is added by the formatter.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "extension enabled {Version}")]
    public static partial void ExtensionEnabled(ILogger logger, string version);

    [LoggerMessage(101, LogLevel.Warning, "configuration problem: {Problem}")]
    public static partial void OptionProblem(ILogger logger, string problem);

    [LoggerMessage(102, LogLevel.Information, "proxy listening on {Listener}, forwarding to {Upstream}")]
    public static partial void ProxyListening(ILogger logger, string listener, string upstream);

    [LoggerMessage(103, LogLevel.Information, "registered as {ExtensionName} with id {ExtensionId}")]
    public static partial void Registered(ILogger logger, string extensionName, string extensionId);

    [LoggerMessage(104, LogLevel.Information, "shutting down ({Reason})")]
    public static partial void ShuttingDown(ILogger logger, string reason);

    [LoggerMessage(105, LogLevel.Error, "could not start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason);

    [LoggerMessage(106, LogLevel.Error, "the Extensions API event loop failed and carries on")]
    public static partial void EventLoopError(ILogger logger, Exception exception);
}
