using FisExtension.Faults;
using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

#pragma warning disable SYSLIB1015 // requestId is kept out of the message on purpose: the provider writes it as its own field.

/// <summary>
/// 4xx: faults applied to invocations. Every event takes the invocation's <c>requestId</c>, which
/// <see cref="FisLoggerProvider"/> carries into the line rather than into the message.
/// </summary>
internal static partial class Log
{
    /// <summary>Logs the one event that says what an error or HTTP override does to this invocation.</summary>
    public static void OverrideApplied(ILogger logger, string requestId, FaultDefinition fault)
    {
        switch (fault.Kind, fault.PreventExecution)
        {
            case (FaultKind.InvocationError, true):
                InjectingErrorWithoutRunning(logger, requestId, fault.ExperimentId, fault.ActionName);
                break;
            case (FaultKind.InvocationError, false):
                ReplacingResponseWithError(logger, requestId, fault.ExperimentId, fault.ActionName);
                break;
            case (FaultKind.HttpIntegrationResponse, true):
                ReturningHttpResponseWithoutRunning(logger, requestId, fault.StatusCode, fault.ExperimentId, fault.ActionName);
                break;
            case (FaultKind.HttpIntegrationResponse, false):
                ReplacingResponseWithHttpResponse(logger, requestId, fault.StatusCode, fault.ExperimentId, fault.ActionName);
                break;
        }
    }

    // Wording of the AWS extension, which users search for (fis-lambda-actions.md §3); the fault is named after it.
    [LoggerMessage(400, LogLevel.Information, "adding {Milliseconds} milliseconds of latency to function invocation (experiment {ExperimentId}, action {ActionName})")]
    public static partial void AddingLatency(ILogger logger, string requestId, int milliseconds, string experimentId, string actionName);

    [LoggerMessage(401, LogLevel.Information, "injecting an invocation error without running the function (experiment {ExperimentId}, action {ActionName})")]
    public static partial void InjectingErrorWithoutRunning(ILogger logger, string requestId, string experimentId, string actionName);

    [LoggerMessage(402, LogLevel.Information, "modifying the function response: injecting an invocation error (experiment {ExperimentId}, action {ActionName})")]
    public static partial void ReplacingResponseWithError(ILogger logger, string requestId, string experimentId, string actionName);

    [LoggerMessage(403, LogLevel.Information, "returning a synthetic HTTP {StatusCode} response without running the function (experiment {ExperimentId}, action {ActionName})")]
    public static partial void ReturningHttpResponseWithoutRunning(ILogger logger, string requestId, int statusCode, string experimentId, string actionName);

    [LoggerMessage(404, LogLevel.Information, "modifying the function response: returning a synthetic HTTP {StatusCode} response (experiment {ExperimentId}, action {ActionName})")]
    public static partial void ReplacingResponseWithHttpResponse(ILogger logger, string requestId, int statusCode, string experimentId, string actionName);

    [LoggerMessage(405, LogLevel.Debug, "fault {FaultKey} is active but skipped this invocation ({Percentage} % of invocations are hit)")]
    public static partial void FaultSkipped(ILogger logger, string requestId, string faultKey, double percentage);

    [LoggerMessage(406, LogLevel.Error, "could not apply the fault; the invocation continues without it")]
    public static partial void FaultNotApplied(ILogger logger, string requestId, Exception exception);

    [LoggerMessage(407, LogLevel.Information, "released the start delay after {ElapsedMilliseconds} of {Milliseconds} milliseconds: the fault ended at its end time (experiment {ExperimentId}, action {ActionName})")]
    public static partial void DelayReleasedAtEndTime(ILogger logger, string requestId, long elapsedMilliseconds, int milliseconds, string experimentId, string actionName);

    [LoggerMessage(408, LogLevel.Information, "released the start delay after {ElapsedMilliseconds} of {Milliseconds} milliseconds: the configuration location no longer lists the fault, so its action ended or the experiment was stopped (experiment {ExperimentId}, action {ActionName})")]
    public static partial void DelayReleasedWhenRemoved(ILogger logger, string requestId, long elapsedMilliseconds, int milliseconds, string experimentId, string actionName);

    [LoggerMessage(409, LogLevel.Information, "the fault ended before the function's result arrived: the result passes unchanged (experiment {ExperimentId}, action {ActionName})")]
    public static partial void OverrideEndedBeforeResult(ILogger logger, string requestId, string experimentId, string actionName);
}
#pragma warning restore SYSLIB1015
