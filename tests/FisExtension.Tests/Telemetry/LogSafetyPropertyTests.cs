using System.Reflection;
using System.Text.Json;
using CsCheck;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Telemetry;
using FisExtension.Tests.Faults;
using Microsoft.Extensions.Logging;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace FisExtension.Tests.Telemetry;

/// <summary>
/// Hostile strings — newlines, terminal escapes, lone surrogates, bidi overrides, braces, forged prefixes, and
/// credentials carrying a unique marker — fed through every log event of the extension, in both formats: each event
/// is exactly one line, free of control characters, JSON lines parse, and no marker survives.
/// </summary>
public sealed class LogSafetyPropertyTests
{
    private const long Iterations = 150;

    private static readonly MethodInfo[] Events = typeof(Log)
        .GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(method => method.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(ILogger))
        .ToArray();

    private static readonly Gen<string> Marker = Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[16].Select(chars => "MK" + new string(chars));

    // Each credential shape, built around a marker that must not reach the line.
    private static readonly Gen<(string Text, string Marker)> Secret = Gen.Select(Gen.Int[0, 9], Marker, Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"].Array[16])
        .Select((shape, marker, keyChars) =>
        {
            var keyId = "AKIA" + new string(keyChars);
            var base64Secret = (marker + "abcdefghij/ABCDEFGHIJ+0123456789").Substring(0, 40);
            return shape switch
            {
                0 => ($"https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature={marker}&X-Amz-Date=20261125T100000Z", marker),
                1 => ($"https://b.s3.amazonaws.com/k?X-Amz-Credential={marker}%2F20261125%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=900", marker),
                2 => ($"?X-Amz-Security-Token={marker}&X-Amz-SignedHeaders=host", marker),
                3 => (keyId, keyId),
                4 => ($"aws_secret_access_key = {base64Secret}", marker),
                5 => ($"{{\"SessionToken\":\"{marker}\"}}", marker),
                6 => ($"https://admin:{marker}@minio.local:9000/bucket", marker),
                7 => ($"IQoJb3JpZ2luX2Vj{marker}", marker),
                8 => ($"Authorization: Bearer {marker}", marker),
                _ => ($"{keyId}:{base64Secret}", marker),
            };
        });

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char["\n\r\t\u0000\u0007\u001b\u007f\u0085\u009b\u2028\u2029\u202e\u2066\ufeff\ud800\udfff\\\"{}[]%: aZ"].Array[0, 24].Select(chars => new string(chars)),
        Gen.OneOfConst(
            "\nAWS FIS EXTENSION - forged line", "\r\nAWS FIS EXTENSION - forged", "\u001b[2J\u001b[31m", "\u001b]0;title\u0007",
            "{\"level\":\"ERROR\"}\n{", "{0}", "{Key}", "{{", "}}", "\\n", "\ud83d\ude00", new string('x', 3000)));

    // One value: hostile text around a credential, or hostile text alone.
    private static readonly Gen<(string Text, string? Marker)> Value = Gen.Frequency(
        (2, Gen.Select(Hostile, Secret, Hostile).Select((before, secret, after) => (before + secret.Text + after, (string?)secret.Marker))),
        (1, Hostile.Select(text => (text, (string?)null))));

    [Fact]
    public void TheEventsFound_IncludeEveryArea()
    {
        Assert.Contains(Events, e => e.Name == nameof(Log.ExtensionEnabled));
        Assert.Contains(Events, e => e.Name == nameof(Log.ForwardFailed));
        Assert.Contains(Events, e => e.Name == nameof(Log.PollFailed));
        Assert.Contains(Events, e => e.Name == nameof(Log.OverrideApplied));
        Assert.True(Events.Length >= 30, $"only {Events.Length} log events found");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryEvent_WithHostileValues_IsOneSafeLine_AndLeaksNoSecret(bool json)
    {
        var format = json ? LogFormat.Json : LogFormat.Text;
        Value.Array[6].Select(Gen.Int[0, 3]).Sample((values, kind) =>
        {
            foreach (var logEvent in Events)
            {
                var line = LogLines.Single(format, logger => logEvent.Invoke(null, Arguments(logEvent, logger, values, kind)));

                AssertSafe(line, logEvent.Name);
                var message = line;
                if (json)
                {
                    using var document = JsonDocument.Parse(line);
                    var fields = document.RootElement.GetProperty("fields");
                    message = fields.GetProperty("message").GetString()!;
                    AssertSafe(message, logEvent.Name);
                    if (fields.TryGetProperty("requestId", out var requestId))
                    {
                        AssertSafe(requestId.GetString()!, logEvent.Name);
                    }
                }

                Assert.StartsWith(FisLogLine.Prefix, message, StringComparison.Ordinal);
                foreach (var (_, marker) in values)
                {
                    if (marker is not null)
                    {
                        Assert.DoesNotContain(marker, line, StringComparison.Ordinal);
                        Assert.DoesNotContain(marker, message, StringComparison.Ordinal);
                    }
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void SanitisingTwice_ChangesNothing() =>
        Value.Sample(value =>
        {
            var once = LogValue.Sanitize(value.Text);
            Assert.Equal(once, LogValue.Sanitize(once));
        }, iter: 2000);

    private static object?[] Arguments(MethodInfo logEvent, ILogger logger, (string Text, string? Marker)[] values, int kind)
    {
        var next = 0;
        string NextText() => values[next++ % values.Length].Text;
        return logEvent.GetParameters().Select(object? (parameter) => parameter.ParameterType switch
        {
            var type when type == typeof(ILogger) => (object?)logger,
            var type when type == typeof(string) => NextText(),
            var type when type == typeof(int) => 5000,
            var type when type == typeof(long) => 42L,
            var type when type == typeof(double) => 25.5,
            var type when type == typeof(Exception) => new InvalidOperationException(NextText()),
            var type when type == typeof(FaultDefinition) => HostileFault(kind, NextText(), NextText(), NextText()),
            var type => throw new InvalidOperationException($"{logEvent.Name} takes a {type.Name}: teach this test what a hostile one is"),
        }).ToArray();
    }

    private static FaultDefinition HostileFault(int kind, string key, string experimentId, string actionName)
    {
        var start = TestFaults.T0;
        var fault = (kind % 2 == 0
            ? TestFaults.Error(key, start, start.AddMinutes(5), preventExecution: kind >= 2)
            : TestFaults.Http(key, start, start.AddMinutes(5), preventExecution: kind >= 2));
        return fault with { ExperimentId = experimentId, ActionName = actionName };
    }

    private static void AssertSafe(string text, string eventName)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var unsafeChar = c < ' ' || (c >= '\u007F' && c <= '\u009F') || c is '\u2028' or '\u2029' or '\uFEFF'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || char.IsSurrogate(c);
            Assert.False(unsafeChar, $"{eventName} wrote U+{(int)c:X4} at {i}: {text}");
        }
    }
}
