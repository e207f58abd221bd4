using FisExtension.Configuration;
using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

/// <summary>
/// Writes every log event as one FIS-compatible line to standard output, which Lambda sends to the function's
/// log stream. A <c>requestId</c> field of a structured log event is carried into the line. Every value of an event
/// is escaped, redacted and capped on its own (<see cref="SafeLogMessage"/>) before the line is formatted.
/// </summary>
internal sealed class FisLoggerProvider(LogFormat format, LogLevel minimumLevel, TextWriter output, TimeProvider time) : ILoggerProvider
{
    /// <summary>How the categories of the extension's own loggers begin; other categories (Kestrel, YARP) are the framework's.</summary>
    public const string OwnCategoryPrefix = "FisExtension";

    private readonly Lock _writeLock = new();

    public ILogger CreateLogger(string categoryName) => new FisLogger(this, categoryName.StartsWith(OwnCategoryPrefix, StringComparison.Ordinal));

    public void Dispose() => output.Flush();

    private void Write(string line)
    {
        lock (_writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class FisLogger(FisLoggerProvider provider, bool ours) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // The framework's own chatter is kept to warnings and worse, whatever the FIS log level.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel != LogLevel.None && logLevel >= provider.MinimumLevel(ours);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string? requestId = null;
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var field in fields)
                {
                    if (string.Equals(field.Key, "requestId", StringComparison.OrdinalIgnoreCase))
                    {
                        requestId = field.Value?.ToString();
                    }
                }
            }

            provider.Write(FisLogLine.Format(provider.Format, provider.Time.GetUtcNow(), logLevel, SafeLogMessage.Render(state, exception, formatter), requestId, exception));
        }
    }

    private LogFormat Format => format;

    private TimeProvider Time => time;

    private LogLevel MinimumLevel(bool ours) => ours ? minimumLevel : (LogLevel)Math.Max((int)minimumLevel, (int)LogLevel.Warning);
}
