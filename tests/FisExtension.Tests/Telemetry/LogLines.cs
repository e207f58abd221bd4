using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Telemetry;

/// <summary>Runs log events through the real <see cref="FisLoggerProvider"/> and returns exactly what it wrote.</summary>
internal static class LogLines
{
    public static string Write(LogFormat format, Action<ILogger> emit)
    {
        using var output = new StringWriter();
        using (var provider = new FisLoggerProvider(format, LogLevel.Debug, output, new FakeTimeProvider()))
        {
            emit(provider.CreateLogger("FisExtension.Test"));
        }

        return output.ToString();
    }

    /// <summary>The one line an event wrote; fails the test when it wrote none or more than one.</summary>
    public static string Single(LogFormat format, Action<ILogger> emit)
    {
        var output = Write(format, emit);
        Assert.EndsWith("\n", output, StringComparison.Ordinal);
        Assert.Equal(1, output.Count(c => c == '\n'));
        return output[..^1];
    }
}
