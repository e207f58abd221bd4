using System.Collections.Concurrent;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator;

public sealed partial class LambdaEmulator
{
    private readonly ConcurrentDictionary<Task, bool> _queuedEvents = new();

    /// <summary>Invokes the function the way the invoke endpoint does. A RequestResponse result is returned once the
    /// invoke phase ended (the REPORT line is known); Event returns 202 at once; DryRun 204.</summary>
    public async Task<InvocationResult> InvokeAsync(byte[] payload, InvokeOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        options ??= new InvokeOptions();
        var requestId = _ids.NewId();
        if (Rejection(requestId, payload, options) is { } rejected) return rejected;
        if (options.InvocationType == InvocationTypes.Event) return QueueEvent(requestId, payload, options);
        var handle = await BeginInvocationAsync(requestId, payload, options, streamToCaller: false, ct).ConfigureAwait(false);
        return await handle.Result.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The answer given without running the function: DryRun, a payload too large, an unknown invocation type.</summary>
    internal InvocationResult? Rejection(string requestId, byte[] payload, InvokeOptions options)
    {
        if (options.InvocationType is not (InvocationTypes.RequestResponse or InvocationTypes.Event or InvocationTypes.DryRun))
            return PlatformAnswer(requestId, 400, ErrorTypes.InvalidParameterValue, $"Unsupported invocation type: {options.InvocationType}");
        if (payload.Length > LambdaLimits.MaxSyncPayloadBytes)
            return PlatformAnswer(requestId, 413, ErrorTypes.RequestTooLargeException,
                $"Request must be smaller than {LambdaLimits.MaxSyncPayloadBytes} bytes for the InvokeFunction operation");
        if (options.InvocationType == InvocationTypes.Event && payload.Length > LambdaLimits.MaxAsyncPayloadBytes)
            return PlatformAnswer(requestId, 413, ErrorTypes.RequestTooLargeException,
                $"Request must be smaller than {LambdaLimits.MaxAsyncPayloadBytes} bytes for the InvokeAsync operation");
        if (options.InvocationType == InvocationTypes.DryRun) return new InvocationResult { RequestId = requestId, StatusCode = 204, Headers = Headers(requestId, null) };
        return null;
    }

    /// <summary>Event: 202 now, the invoke runs when a slot is free.</summary>
    internal InvocationResult QueueEvent(string requestId, byte[] payload, InvokeOptions options)
    {
        var run = RunQueuedEventAsync(requestId, payload, options);
        _queuedEvents[run] = true;
        _ = run.ContinueWith(done => _queuedEvents.TryRemove(done, out _), TaskScheduler.Default);
        return new InvocationResult { RequestId = requestId, StatusCode = 202, Headers = Headers(requestId, null) };
    }

    /// <summary>Takes a concurrency slot (queueing when all are busy), initialises when needed, and dispatches.
    /// <paramref name="invokePhaseEnded"/> runs once, when the invoke phase is over: just before its REPORT line is
    /// written, or when the invocation failed without one.</summary>
    internal async Task<InvocationHandle> BeginInvocationAsync(string requestId, byte[] payload, InvokeOptions options, bool streamToCaller,
        CancellationToken cancellationToken, Action? invokePhaseEnded = null)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (environment, init) = await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            if (environment is null)
            {
                _slots.Release();
                return new InvocationHandle(null, null, Task.FromResult(InitErrorResult(requestId, init)));
            }
            var invocation = new Invocation(requestId, payload, options, options.TraceId ?? _ids.NewTraceId(),
                _options.TimeProvider.GetUtcNow() + _function.Timeout, _options.TimeProvider.GetTimestamp());
            var body = streamToCaller ? invocation.Subscribe() : null;
            return new InvocationHandle(invocation, body, RunAndReportAsync(environment, invocation, invokePhaseEnded));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private async Task<InvocationResult> RunAndReportAsync(ExecutionEnvironment environment, Invocation invocation, Action? invokePhaseEnded)
    {
        var ended = false;
        void EndPhase()
        {
            if (ended) return;
            ended = true;
            invokePhaseEnded?.Invoke();
        }
        try
        {
            var initDuration = environment.TakeInitDurationForReport();
            var outcome = await environment.RunAsync(invocation).ConfigureAwait(false);
            if (outcome.ResetReason is { } reason) ScheduleReset(environment, reason);
            var billed = outcome.Duration + (outcome.ExtensionsDuration ?? TimeSpan.Zero);
            var report = PlatformLogLines.Report(invocation.RequestId, outcome.Duration, billed, _function.MemorySizeMb,
                (outcome.MaxMemoryUsedKb + 1023) / 1024, initDuration, outcome.ExtensionsDuration, outcome.TimedOut ? "timeout" : null);
            // Whoever waits for REPORT may invoke again at once: the environment must be free by then (a stack whose
            // pool still counted it busy answered such a call as throttled).
            EndPhase();
            _log.Write(PlatformLogLines.End(invocation.RequestId));
            _log.Write(report);
            return new InvocationResult
            {
                RequestId = invocation.RequestId,
                Payload = invocation.BodyBytes(),
                FunctionError = outcome.Head.FunctionError,
                ErrorType = outcome.Head.ErrorType,
                ContentType = outcome.Head.ContentType,
                Streamed = outcome.Head.Streamed,
                ErrorTrailerType = outcome.Tail.ErrorTrailerType,
                ErrorTrailerBody = outcome.Tail.ErrorTrailerBody,
                Duration = outcome.Duration,
                ExtensionsDuration = outcome.ExtensionsDuration ?? TimeSpan.Zero,
                TimedOut = outcome.TimedOut,
                ColdStart = initDuration is not null,
                ReportLine = report,
                Headers = Headers(invocation.RequestId, outcome.Head.FunctionError),
                ResultRequestHeaders = invocation.ResultRequestHeaders,
            };
        }
        finally
        {
            EndPhase();
            _slots.Release();
        }
    }

    private async Task RunQueuedEventAsync(string requestId, byte[] payload, InvokeOptions options)
    {
        try
        {
            var handle = await BeginInvocationAsync(requestId, payload, options, streamToCaller: false, _disposing.Token).ConfigureAwait(false);
            await handle.Result.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            WriteLog($"Queued event {requestId} dropped: the emulator is shutting down");
        }
    }

    private async Task WaitForQueuedEventsAsync()
    {
        try
        {
            await Task.WhenAll(_queuedEvents.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Dropped on shutdown, already logged.
        }
    }

    private InvocationResult InitErrorResult(string requestId, InitResult init) => new()
    {
        RequestId = requestId,
        Payload = init.ErrorPayload,
        FunctionError = ErrorTypes.Unhandled,
        ErrorType = init.ErrorType,
        ContentType = ContentTypes.Json,
        Headers = Headers(requestId, ErrorTypes.Unhandled),
    };

    private InvocationResult PlatformAnswer(string requestId, int statusCode, string errorType, string message) => new()
    {
        RequestId = requestId,
        StatusCode = statusCode,
        Payload = JsonBodies.Error(errorType, message),
        ErrorType = errorType,
        ContentType = ContentTypes.Json,
        Headers = Headers(requestId, null),
    };

    internal Dictionary<string, string> Headers(string requestId, string? functionError)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ApiHeaders.AmznRequestId] = requestId,
            [ApiHeaders.ExecutedVersion] = _function.Version,
        };
        if (functionError is not null) headers[ApiHeaders.FunctionError] = functionError;
        return headers;
    }
}
