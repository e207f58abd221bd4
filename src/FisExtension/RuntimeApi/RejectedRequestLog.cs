using Microsoft.Extensions.Logging.Abstractions;
using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Turns Kestrel's record of a request it rejected before the proxy saw it (malformed HTTP, a request line or
/// headers over the limits) into the proxy's own refusal line. Kestrel reports these only as debug events of its
/// <c>BadRequests</c> category (KestrelTrace.ConnectionBadRequest), and the runtime gets only the bare status code.
/// </summary>
internal sealed class RejectedRequestLog(RefusalThrottle throttle, ILogger logger) : ILoggerProvider
{
    public const string KestrelBadRequestsCategory = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";
    private const string ConnectionBadRequestEvent = "ConnectionBadRequest";

    public ILogger CreateLogger(string categoryName) =>
        string.Equals(categoryName, KestrelBadRequestsCategory, StringComparison.Ordinal) ? new BadRequestListener(this) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private void Refused(BadHttpRequestException rejection)
    {
        if (throttle.TryPass($"refused {rejection.StatusCode} {rejection.Message}", out var leftOut))
        {
            Log.RequestRefused(logger, rejection.StatusCode, rejection.Message.TrimEnd('.'), RefusalThrottle.LeftOutNote(leftOut));
        }
    }

    private sealed class BadRequestListener(RejectedRequestLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (string.Equals(eventId.Name, ConnectionBadRequestEvent, StringComparison.Ordinal) && exception is BadHttpRequestException rejection)
            {
                owner.Refused(rejection);
            }
        }
    }
}
