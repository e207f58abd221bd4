using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Configuration.Support;

internal sealed record LogEntry(LogLevel Level, int EventId, string Message);
