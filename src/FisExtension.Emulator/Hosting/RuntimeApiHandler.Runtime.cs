using System.Globalization;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

internal sealed partial class RuntimeApiHandler
{
    private async Task NextAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        while (true)
        {
            var environment = await emulator.WaitForLiveEnvironmentAsync(aborted).ConfigureAwait(false);
            if (await environment.NextInvocationAsync(aborted).ConfigureAwait(false) is not { } invocation) continue;
            try
            {
                await WriteInvocationAsync(context.Response, invocation).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                environment.Redeliver(invocation);
                throw;
            }
        }
    }

    private Task WriteInvocationAsync(HttpResponse response, Invocation invocation)
    {
        var headers = response.Headers;
        headers[ApiHeaders.RequestId] = invocation.RequestId;
        headers[ApiHeaders.DeadlineMs] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers[ApiHeaders.InvokedFunctionArn] = emulator.Function.InvokedFunctionArn;
        headers[ApiHeaders.TraceId] = invocation.TraceId;
        if (invocation.Options.ClientContext is { } clientContext) headers[ApiHeaders.ClientContext] = clientContext;
        if (invocation.Options.CognitoIdentity is { } identity) headers[ApiHeaders.CognitoIdentity] = identity;
        foreach (var (name, value) in emulator.Options.AdditionalInvocationHeaders) headers[name] = value;
        return HttpExchange.WriteAsync(response, StatusCodes.Status200OK, invocation.Payload);
    }

    private async Task ResponseAsync(HttpContext context, string requestId)
    {
        var request = context.Request;
        if (!TryFindInvocation(requestId, out var invocation))
        {
            await InvalidRequestIdAsync(context.Response).ConfigureAwait(false);
            return;
        }
        invocation.RecordResultRequestHeaders(request.Headers);
        var streaming = string.Equals(request.Headers[ApiHeaders.ResponseMode], ApiHeaders.ResponseModeStreaming, StringComparison.OrdinalIgnoreCase);
        if (streaming)
        {
            await StreamResponseAsync(context, invocation).ConfigureAwait(false);
            return;
        }
        var body = await HttpExchange.ReadBodyAsync(request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            invocation.FailByPlatform(ErrorTypes.ResponseSizeTooLarge,
                $"Response payload size exceeded maximum allowed payload size ({LambdaLimits.MaxSyncPayloadBytes} bytes).", Timestamp());
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, ErrorTypes.RequestTooLarge,
                $"Exceeded maximum allowed payload size ({LambdaLimits.MaxSyncPayloadBytes} bytes).").ConfigureAwait(false);
            return;
        }
        await CompleteAsync(context.Response, invocation, new ResponseHead(false, ContentTypes.Json, null, null), body).ConfigureAwait(false);
    }

    /// <summary>Response streaming: chunks pass to the invoker as they arrive; an error in mid-stream comes in the
    /// request trailers, readable once the body was read to its end.</summary>
    private async Task StreamResponseAsync(HttpContext context, Invocation invocation)
    {
        var request = context.Request;
        if (!invocation.TryBeginResponse(new ResponseHead(true, request.ContentType ?? ContentTypes.OctetStream, null, null)))
        {
            await InvalidStateAsync(context.Response).ConfigureAwait(false);
            return;
        }
        string? errorType = null, errorBody = null;
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
                invocation.AppendBody(chunk.AsSpan(0, read));
            if (request.CheckTrailersAvailable())
            {
                errorType = NullIfEmpty(request.GetTrailer(ApiHeaders.FunctionErrorType));
                errorBody = NullIfEmpty(request.GetTrailer(ApiHeaders.FunctionErrorBody));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            errorType = "Runtime.TruncatedResponse";
            errorBody = e.Message;
        }
        invocation.CompleteResponse(new ResponseTail(errorType, errorBody, Timestamp()));
        if (!context.RequestAborted.IsCancellationRequested) await HttpExchange.AcceptedAsync(context.Response).ConfigureAwait(false);
    }

    private async Task InvocationErrorAsync(HttpContext context, string requestId)
    {
        if (!TryFindInvocation(requestId, out var invocation))
        {
            await InvalidRequestIdAsync(context.Response).ConfigureAwait(false);
            return;
        }
        invocation.RecordResultRequestHeaders(context.Request.Headers);
        var body = await HttpExchange.ReadBodyAsync(context.Request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, ErrorTypes.RequestTooLarge,
                $"Exceeded maximum allowed payload size ({LambdaLimits.MaxSyncPayloadBytes} bytes).").ConfigureAwait(false);
            return;
        }
        var errorType = NullIfEmpty(context.Request.Headers[ApiHeaders.FunctionErrorType]) ?? JsonBodies.ErrorTypeOf(body);
        await CompleteAsync(context.Response, invocation, new ResponseHead(false, ContentTypes.Json, ErrorTypes.Unhandled, errorType), body).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await HttpExchange.ReadBodyAsync(context.Request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false) ?? [];
        var errorType = NullIfEmpty(context.Request.Headers[ApiHeaders.FunctionErrorType]) ?? JsonBodies.ErrorTypeOf(body) ?? "Runtime.Unknown";
        var failure = new InitFailure(errorType, MessageOf(body), body.Length > 0 ? body : JsonBodies.Error(errorType, errorType));
        if (emulator.CurrentEnvironment?.FailInit(failure) != true)
        {
            await InvalidStateAsync(context.Response).ConfigureAwait(false);
            return;
        }
        await HttpExchange.AcceptedAsync(context.Response).ConfigureAwait(false);
    }

    // Without SnapStart there is no snapshot to restore from: the restore phase is over as soon as it is asked for.
    private static Task RestoreNextAsync(HttpContext context) => HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, []);

    private async Task RestoreErrorAsync(HttpContext context)
    {
        var body = await HttpExchange.ReadBodyAsync(context.Request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false) ?? [];
        var errorType = NullIfEmpty(context.Request.Headers[ApiHeaders.FunctionErrorType]) ?? "Runtime.RestoreError";
        emulator.WriteLog($"restore/error: {errorType}: {MessageOf(body)}");
        emulator.CurrentEnvironment?.FailInit(new InitFailure(errorType, MessageOf(body), body.Length > 0 ? body : JsonBodies.Error(errorType, errorType)));
        await HttpExchange.AcceptedAsync(context.Response).ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpResponse response, Invocation invocation, ResponseHead head, byte[] body)
    {
        if (!invocation.TryBeginResponse(head))
        {
            await InvalidStateAsync(response).ConfigureAwait(false);
            return;
        }
        invocation.AppendBody(body);
        invocation.CompleteResponse(new ResponseTail(null, null, Timestamp()));
        await HttpExchange.AcceptedAsync(response).ConfigureAwait(false);
    }

    // An invocation already answered is as unknown to the runtime as one that never existed.
    private bool TryFindInvocation(string requestId, out Invocation invocation)
    {
        invocation = null!;
        return emulator.CurrentEnvironment?.TryGetInvocation(requestId, out invocation) == true && !invocation.IsCompleted;
    }

    private long Timestamp() => emulator.TimeProvider.GetTimestamp();

    private static Task InvalidRequestIdAsync(HttpResponse response) =>
        HttpExchange.WriteErrorAsync(response, StatusCodes.Status400BadRequest, ErrorTypes.InvalidRequestId, "Invalid request ID");

    private static Task InvalidStateAsync(HttpResponse response) =>
        HttpExchange.WriteErrorAsync(response, StatusCodes.Status403Forbidden, ErrorTypes.InvalidStateTransition,
            "State transition from the current state is not allowed");

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || string.IsNullOrEmpty(value[0]) ? null : value.ToString();

    private static string MessageOf(byte[] body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errorMessage", out var message) ? message.ToString() : System.Text.Encoding.UTF8.GetString(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return System.Text.Encoding.UTF8.GetString(body);
        }
    }
}
