using System.Text.Json;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Telemetry;

public sealed class FisLogLineTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void TextLine_StartsWithTheAwsPrefix()
    {
        var line = FisLogLine.Format(LogFormat.Text, At, LogLevel.Information, "extension enabled 1.0.6", null, null);
        Assert.Equal("AWS FIS EXTENSION - extension enabled 1.0.6", line);
    }

    [Fact]
    public void JsonLine_HasLambdasShape_WithTheRequestId()
    {
        var line = FisLogLine.Format(LogFormat.Json, At, LogLevel.Warning, "adding 5000 milliseconds of latency to function invocation", "req-1", null);

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2026-11-25T10:00:00.123Z", root.GetProperty("timestamp").GetString());
        Assert.Equal("WARN", root.GetProperty("level").GetString());
        Assert.Equal("AWS FIS EXTENSION - adding 5000 milliseconds of latency to function invocation", root.GetProperty("fields").GetProperty("message").GetString());
        Assert.Equal("req-1", root.GetProperty("fields").GetProperty("requestId").GetString());
    }

    [Fact]
    public void Provider_CarriesTheStructuredRequestId_AndFiltersByLevel()
    {
        using var output = new StringWriter();
        using var provider = new FisLoggerProvider(LogFormat.Json, LogLevel.Warning, output, TimeProvider.System);
        var logger = provider.CreateLogger("FisExtension.Test");

        logger.LogInformation("hidden {requestId}", "req-0");
        logger.LogWarning("shown {requestId}", "req-2");

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("req-2", json.RootElement.GetProperty("fields").GetProperty("requestId").GetString());
        Assert.Equal("AWS FIS EXTENSION - shown req-2", json.RootElement.GetProperty("fields").GetProperty("message").GetString());
    }
}
