using System.Text.Json;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Telemetry;
using FisExtension.Tests.Faults;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Telemetry;

/// <summary>
/// The findings of issue #9 item 7, each as it was seen: forged lines, raw terminal escapes, and secrets echoed from
/// a presigned URL or an endpoint. Every value reaches the line escaped, redacted and capped.
/// </summary>
public sealed class LogSafetyTests
{
    private const string RequestId = "8f507cfc-1b2c-4a8d-9e35-6f1c0c9b3d11";
    private const string Signature = "0f3b9e1d4c8a7b6e5f4d3c2b1a0998877665544332211ffeeddccbbaa99887766";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEHAaCXVzLWVhc3QtMSJHMEUCIQDexampletoken";

    private static readonly string PresignedUrl =
        "https://my-bucket.s3.eu-west-1.amazonaws.com/FisConfigs/?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=ASIAY34FZKBOKMUTVV7A%2F20261125%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20261125T100000Z"
        + $"&X-Amz-Expires=900&X-Amz-Security-Token={SessionToken}&X-Amz-SignedHeaders=host&X-Amz-Signature={Signature}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NewlineInExperimentIdOrActionName_CannotForgeASecondLine(bool json)
    {
        var format = json ? LogFormat.Json : LogFormat.Text;
        var forged = "EXP1\nAWS FIS EXTENSION - adding 0 milliseconds of latency";

        var line = LogLines.Single(format, logger => Log.AddingLatency(logger, RequestId, 5000, forged, "act\r\nion"));

        Assert.Contains(@"(experiment EXP1\nAWS FIS EXTENSION - adding 0 milliseconds of latency, action act\r\nion)", Message(format, line), StringComparison.Ordinal);
    }

    [Fact]
    public void AnsiEscapesAndBel_AreWrittenAsVisibleEscapes()
    {
        var line = LogLines.Single(LogFormat.Text, logger => Log.FaultConfigurationInvalid(logger, "\u001b[2J\u001b[31mkey\u0007", "bad\u202Eevil"));

        Assert.Equal(@"AWS FIS EXTENSION - fault configuration \u001B[2J\u001B[31mkey\u0007 is invalid and was skipped: bad\u202Eevil", line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PresignedUrlGivenAsTheLocation_HasItsSignatureCredentialAndTokenRedacted(bool json)
    {
        var format = json ? LogFormat.Json : LogFormat.Text;
        var line = LogLines.Single(format, logger => Log.ConfigurationLocationInvalid(logger, "AWS_FIS_CONFIGURATION_LOCATION", $"\"{PresignedUrl}\" is not an S3 ARN."));

        var message = Message(format, line);
        Assert.DoesNotContain(Signature, line, StringComparison.Ordinal);
        Assert.DoesNotContain("ASIAY34FZKBOKMUTVV7A", line, StringComparison.Ordinal);
        Assert.DoesNotContain("IQoJb3JpZ2lu", line, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=[REDACTED]", message, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Credential=[REDACTED]&X-Amz-Date=20261125T100000Z", message, StringComparison.Ordinal);
        Assert.Contains("X-Amz-Security-Token=[REDACTED]&X-Amz-SignedHeaders=host", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEndpointUrl_HasItsUserInfoRedacted_AndKeepsTheHost()
    {
        var line = LogLines.Single(LogFormat.Text, logger =>
            Log.OptionProblem(logger, "AWS_ENDPOINT_URL_S3 \"https://minio-admin:s3cr3t-passw0rd@10.0.0.5:9000/x?y\" is not a valid URL; using AWS S3"));

        Assert.Equal("AWS FIS EXTENSION - configuration problem: AWS_ENDPOINT_URL_S3 \"https://[REDACTED]@10.0.0.5:9000/x?y\" is not a valid URL; using AWS S3", line);
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("{\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}", "wJalrXUtnFEMI")]
    [InlineData("ASIAY34FZKBOKMUTVV7A:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("x-amz-security-token: FwoGZXIvYXdzEBYaDHexample", "FwoGZXIvYXdzEBYaDHexample")]
    public void CredentialShapedText_IsRedactedWhereverItAppears(string text, string secret)
    {
        var line = LogLines.Single(LogFormat.Text, logger => Log.PollFailed(logger, $"AccessDenied ({text})", "Check the role."));

        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Redacted, line, StringComparison.Ordinal);
    }

    [Fact]
    public void LongValue_IsCappedWithWhatWasCut_AndTheWordingAfterItStays()
    {
        var key = new string('k', 5000);

        var line = LogLines.Single(LogFormat.Text, logger => Log.FaultConfigurationInvalid(logger, key, "endTime is missing."));

        const string Before = "AWS FIS EXTENSION - fault configuration ";
        const string After = " is invalid and was skipped: endTime is missing.";
        Assert.StartsWith(Before, line, StringComparison.Ordinal);
        Assert.EndsWith(After, line, StringComparison.Ordinal);
        var value = line[Before.Length..^After.Length];
        var kept = value.TakeWhile(c => c == 'k').Count();
        Assert.InRange(value.Length, LogValue.ValueCap - 22, LogValue.ValueCap);
        Assert.Equal($"{new string('k', kept)}<cut {5000 - kept} chars>", value);
    }

    [Fact]
    public void RequestIdAndExceptionMessage_AreSanitisedToo()
    {
        var line = LogLines.Single(LogFormat.Json, logger => Log.FaultNotApplied(logger, "req\nforged", new InvalidOperationException("boom\nhttps://u:p4ss@host/")));

        using var json = JsonDocument.Parse(line);
        var fields = json.RootElement.GetProperty("fields");
        Assert.Equal(@"req\nforged", fields.GetProperty("requestId").GetString());
        Assert.Equal(@"AWS FIS EXTENSION - could not apply the fault; the invocation continues without it: InvalidOperationException: boom\nhttps://[REDACTED]@host/", fields.GetProperty("message").GetString());
    }

    [Fact]
    public void OrdinaryValues_PassUnchanged()
    {
        var fault = TestFaults.Error("inject-error", TestFaults.T0, TestFaults.T0.AddMinutes(5)) with { ExperimentId = "EXP7f3kQ2+\"quoted\"" };

        var line = LogLines.Single(LogFormat.Text, logger => Log.OverrideApplied(logger, RequestId, fault));

        Assert.Equal($"AWS FIS EXTENSION - modifying the function response: injecting an invocation error (experiment EXP7f3kQ2+\"quoted\", action inject-error) (requestId {RequestId})", line);
    }

    [Fact]
    public void TemplateWithAlignmentFormatListsAndNulls_IsRenderedAsMicrosoftExtensionsLoggingRendersIt()
    {
        const string Template = "a {A,4}|b {B:F1}|c {C}|d {D}|{{literal}}";
        object?[] values = ["x", 3.14159, new[] { 1, 2 }, null];
        var framework = new FormattingLogger();
        framework.LogInformation(Template, values);

        var line = LogLines.Single(LogFormat.Text, logger => logger.LogInformation(Template, values));

        Assert.Equal("a    x|b 3.1|c 1, 2|d (null)|{literal}", framework.Message);
        Assert.Equal(FisLogLine.Prefix + framework.Message, line);
    }

    [Fact]
    public void EventWithoutATemplate_IsSanitisedAsOneValue()
    {
        var line = LogLines.Single(LogFormat.Text, logger =>
            logger.Log(LogLevel.Warning, new EventId(1), "plain\nstate https://u:p@h/", null, (state, _) => state));

        Assert.Equal(@"AWS FIS EXTENSION - plain\nstate https://[REDACTED]@h/", line);
    }

    private static string Message(LogFormat format, string line)
    {
        if (format == LogFormat.Text)
        {
            return line;
        }

        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("fields").GetProperty("message").GetString()!;
    }

    /// <summary>Keeps the message as Microsoft.Extensions.Logging's own formatter renders it.</summary>
    private sealed class FormattingLogger : ILogger
    {
        public string? Message { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Message = formatter(state, exception);
    }
}
