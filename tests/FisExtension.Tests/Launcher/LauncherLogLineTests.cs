extern alias launcher;
using System.Text.Json;
using CsCheck;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using launcher::FisExtension.Launcher;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Launcher;

public sealed class LauncherLogLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 7, 4, 5, 67, TimeSpan.FromHours(1));
    private const string Message = "/opt/aws-fis/fis-extension is missing or not executable: no fault is injected";

    [Theory]
    [InlineData(null)]
    [InlineData("Text")]
    [InlineData("")]
    [InlineData("JSONL")]
    public void WithoutJsonLogs_TheLineIsTheExtensionsTextLine(string? logFormat) =>
        Assert.Equal(
            FisLogLine.Format(LogFormat.Text, Now, LogLevel.Error, Message, null, null),
            LauncherLogLine.Format(Message, logFormat, Now));

    [Theory]
    [InlineData("JSON")]
    [InlineData("json")]
    public void WithJsonLogs_TheLineHasTheExtensionsJsonShapeAndValues(string logFormat)
    {
        using var launcherLine = JsonDocument.Parse(LauncherLogLine.Format(Message, logFormat, Now));
        using var extensionLine = JsonDocument.Parse(FisLogLine.Format(LogFormat.Json, Now, LogLevel.Error, Message, null, null));

        Assert.Equal("2026-12-03T06:04:05.067Z", launcherLine.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal(Flatten(extensionLine.RootElement), Flatten(launcherLine.RootElement));
    }

    [Fact]
    public void AnyMessage_IsOneLineOfValidJson_ThatCarriesItExactly()
    {
        // The message names a path, which may hold any character a file name can.
        Gen.String.Where(text => !HasLoneSurrogate(text)).Sample(text =>
        {
            var line = LauncherLogLine.Format(text, "JSON", Now);

            Assert.DoesNotContain('\n', line);
            using var parsed = JsonDocument.Parse(line);
            Assert.Equal(FisExtension.Contract.Logs.ExtensionLogLines.Prefix + text, parsed.RootElement.GetProperty("fields").GetProperty("message").GetString());
        }, iter: 20_000);
    }

    private static List<string> Flatten(JsonElement element, string path = "") => element.ValueKind == JsonValueKind.Object
        ? [.. element.EnumerateObject().SelectMany(property => Flatten(property.Value, $"{path}/{property.Name}"))]
        : [$"{path}={element}"];

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
