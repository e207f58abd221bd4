using System.Text;
using System.Text.Json;
using FisExtension.Configuration;
using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

/// <summary>Formats one log line the way the AWS FIS extension writes it, as text or as Lambda's JSON log format.</summary>
internal static class FisLogLine
{
    /// <summary>Every line starts with this, so that searches written for the AWS extension keep working.</summary>
    public const string Prefix = FisExtension.Contract.Logs.ExtensionLogLines.Prefix;

    /// <summary>
    /// The one place every line goes through: the message, the exception's message and the request id are
    /// sanitised here (<see cref="LogValue"/>), so that whatever a caller passes, one event is one line and no
    /// secret reaches it. Messages rendered by <see cref="SafeLogMessage"/> pass unchanged, as sanitising twice
    /// changes nothing.
    /// </summary>
    public static string Format(LogFormat format, DateTimeOffset timestamp, LogLevel level, string message, string? requestId, Exception? exception)
    {
        message = LogValue.Sanitize(message, LogValue.MessageCap);
        requestId = requestId is null ? null : LogValue.Sanitize(requestId);
        var text = exception is null ? message : $"{message}: {exception.GetType().Name}: {LogValue.Sanitize(exception.Message)}";
        if (format == LogFormat.Text)
        {
            return requestId is null ? $"{Prefix}{text}" : $"{Prefix}{text} (requestId {requestId})";
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteStartObject("fields");
            json.WriteString("message", Prefix + text);
            if (requestId is not null)
            {
                json.WriteString("requestId", requestId);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        _ => "ERROR",
    };
}
