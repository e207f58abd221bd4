using System.Text.Json;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;
using FisExtension.Tests.Faults;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Telemetry;

public sealed class FaultLogTests
{
    private const string RequestId = "8f507cfc-1b2c-4a8d-9e35-6f1c0c9b3d11";

    public static TheoryData<string, string, string> Events() => new()
    {
        {
            "AddingLatency", "INFO",
            "AWS FIS EXTENSION - adding 5000 milliseconds of latency to function invocation (experiment EXP7f3kQ2, action inject-delay)"
        },
        {
            "InjectingErrorWithoutRunning", "INFO",
            "AWS FIS EXTENSION - injecting an invocation error without running the function (experiment EXP7f3kQ2, action inject-error)"
        },
        {
            "ReplacingResponseWithError", "INFO",
            "AWS FIS EXTENSION - modifying the function response: injecting an invocation error (experiment EXP7f3kQ2, action inject-error)"
        },
        {
            "ReturningHttpResponseWithoutRunning", "INFO",
            "AWS FIS EXTENSION - returning a synthetic HTTP 503 response without running the function (experiment EXP7f3kQ2, action inject-http)"
        },
        {
            "ReplacingResponseWithHttpResponse", "INFO",
            "AWS FIS EXTENSION - modifying the function response: returning a synthetic HTTP 503 response (experiment EXP7f3kQ2, action inject-http)"
        },
        {
            "FaultSkipped", "DEBUG",
            "AWS FIS EXTENSION - fault fis/my-function/EXP7f3kQ2-inject-delay.json is active but skipped this invocation (25 % of invocations are hit)"
        },
        {
            "FaultNotApplied", "ERROR",
            "AWS FIS EXTENSION - could not apply the fault; the invocation continues without it: InvalidOperationException: boom"
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void JsonLine_HasTheAwsWording_AndTheRequestIdAsItsOwnField(string eventName, string level, string message)
    {
        var line = WriteOneLine(LogFormat.Json, eventName);

        using var json = JsonDocument.Parse(line);
        Assert.Equal(level, json.RootElement.GetProperty("level").GetString());
        Assert.Equal(message, json.RootElement.GetProperty("fields").GetProperty("message").GetString());
        Assert.Equal(RequestId, json.RootElement.GetProperty("fields").GetProperty("requestId").GetString());
    }

    [Fact]
    public void TextLine_EndsWithTheRequestId_Once()
    {
        var line = WriteOneLine(LogFormat.Text, "AddingLatency");

        Assert.Equal(
            $"AWS FIS EXTENSION - adding 5000 milliseconds of latency to function invocation (experiment EXP7f3kQ2, action inject-delay) (requestId {RequestId})",
            line);
    }

    [Theory]
    [InlineData(FaultActionIds.InvocationError, true, "injecting an invocation error without running the function (experiment EXP7f3kQ2, action chaos)")]
    [InlineData(FaultActionIds.InvocationError, false, "modifying the function response: injecting an invocation error (experiment EXP7f3kQ2, action chaos)")]
    [InlineData(FaultActionIds.HttpIntegrationResponse, true, "returning a synthetic HTTP 502 response without running the function (experiment EXP7f3kQ2, action chaos)")]
    [InlineData(FaultActionIds.HttpIntegrationResponse, false, "modifying the function response: returning a synthetic HTTP 502 response (experiment EXP7f3kQ2, action chaos)")]
    public void OverrideApplied_NamesWhatHappensToTheInvocation(string actionId, bool preventExecution, string message)
    {
        var fault = actionId == FaultActionIds.InvocationError
            ? TestFaults.Error("chaos", TestFaults.T0, TestFaults.T0.AddMinutes(5), preventExecution: preventExecution)
            : TestFaults.Http("chaos", TestFaults.T0, TestFaults.T0.AddMinutes(5), statusCode: 502, preventExecution: preventExecution);

        var line = WriteOneLine(LogFormat.Text, logger => Log.OverrideApplied(logger, RequestId, fault));

        Assert.Equal($"AWS FIS EXTENSION - {message} (requestId {RequestId})", line);
    }

    private static string WriteOneLine(LogFormat format, string eventName) => WriteOneLine(format, logger => Emit(logger, eventName));

    private static string WriteOneLine(LogFormat format, Action<ILogger> emit)
    {
        using var output = new StringWriter();
        using (var provider = new FisLoggerProvider(format, LogLevel.Debug, output, new FakeTimeProvider()))
        {
            emit(provider.CreateLogger("FisExtension.Proxy"));
        }

        return Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Emit(ILogger logger, string eventName)
    {
        switch (eventName)
        {
            case "AddingLatency":
                Log.AddingLatency(logger, RequestId, 5000, "EXP7f3kQ2", "inject-delay");
                break;
            case "InjectingErrorWithoutRunning":
                Log.InjectingErrorWithoutRunning(logger, RequestId, "EXP7f3kQ2", "inject-error");
                break;
            case "ReplacingResponseWithError":
                Log.ReplacingResponseWithError(logger, RequestId, "EXP7f3kQ2", "inject-error");
                break;
            case "ReturningHttpResponseWithoutRunning":
                Log.ReturningHttpResponseWithoutRunning(logger, RequestId, 503, "EXP7f3kQ2", "inject-http");
                break;
            case "ReplacingResponseWithHttpResponse":
                Log.ReplacingResponseWithHttpResponse(logger, RequestId, 503, "EXP7f3kQ2", "inject-http");
                break;
            case "FaultSkipped":
                Log.FaultSkipped(logger, RequestId, "fis/my-function/EXP7f3kQ2-inject-delay.json", 25);
                break;
            case "FaultNotApplied":
                Log.FaultNotApplied(logger, RequestId, new InvalidOperationException("boom"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "No such fault log event.");
        }
    }
}
