using FisExtension.Emulator.Hosting;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Stack;

/// <summary>The Lambda API of a stack, as the AWS CLI and SDKs call it with <c>--endpoint-url</c>: Invoke (API
/// reference, "Invoke"), ListFunctions, GetFunction, GetFunctionConfiguration and ListTags.</summary>
internal sealed class LambdaApiHandler(ServerlessStack stack)
{
    private static readonly byte[] EmptyEvent = "{}"u8.ToArray();

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        if (path.StartsWith(ApiPaths.TagsPrefix, StringComparison.Ordinal) && HttpMethods.IsGet(method))
            return ListTagsAsync(context, Uri.UnescapeDataString(path[ApiPaths.TagsPrefix.Length..]));
        if (path is ApiPaths.Functions or ApiPaths.Functions + "/" && HttpMethods.IsGet(method))
            return HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, LambdaApiBodies.ListFunctions(stack.Pools, stack.StartedAt));
        if (!path.StartsWith(ApiPaths.Functions + "/", StringComparison.Ordinal)) return NotAnEndpointAsync(context);
        var rest = path[(ApiPaths.Functions.Length + 1)..];
        if (rest.EndsWith(ApiPaths.InvokeSuffix, StringComparison.Ordinal) && HttpMethods.IsPost(method))
            return InvokeAsync(context, rest[..^ApiPaths.InvokeSuffix.Length]);
        if (rest.EndsWith(ApiPaths.ConfigurationSuffix, StringComparison.Ordinal) && HttpMethods.IsGet(method))
            return WithFunctionAsync(context, rest[..^ApiPaths.ConfigurationSuffix.Length],
                pool => HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, LambdaApiBodies.FunctionConfiguration(pool, stack.StartedAt)));
        if (!rest.Contains('/', StringComparison.Ordinal) && HttpMethods.IsGet(method))
            return WithFunctionAsync(context, rest,
                pool => HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, LambdaApiBodies.GetFunction(pool, stack.StartedAt)));
        return NotAnEndpointAsync(context);
    }

    private async Task InvokeAsync(HttpContext context, string functionName)
    {
        if (Find(context, functionName) is not { } pool)
        {
            await FunctionNotFoundAsync(context, functionName).ConfigureAwait(false);
            return;
        }
        var request = context.Request;
        var invocationType = request.Headers[ApiHeaders.InvocationType] is { Count: > 0 } type ? type.ToString() : InvocationTypes.RequestResponse;
        var body = await HttpExchange.ReadBodyAsync(request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false);
        var payload = body is null || body.Length > 0 ? body : EmptyEvent;
        var requestId = stack.NewRequestId();
        if (Rejection(invocationType, payload) is { } rejection)
        {
            await ErrorAsync(context, rejection.Status, rejection.Type, rejection.Message).ConfigureAwait(false);
            return;
        }
        var options = new InvokeOptions
        {
            InvocationType = InvocationTypes.RequestResponse,
            ClientContext = InvokeApiHandler.DecodeClientContext(request.Headers[ApiHeaders.InvokeClientContext].ToString()),
            TraceId = request.Headers[ApiHeaders.InvokeTraceId] is { Count: > 0 } trace ? trace.ToString() : null,
        };
        var response = context.Response;
        response.Headers[ApiHeaders.AmznRequestId] = requestId;
        switch (invocationType)
        {
            case InvocationTypes.DryRun:
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case InvocationTypes.Event:
                // Lambda queues an asynchronous invocation and runs it when the function has capacity ("Invoking a
                // Lambda function asynchronously", Lambda developer guide): it waits for an environment, never throttles.
                stack.RunInBackground(pool, requestId, payload!, options);
                response.StatusCode = StatusCodes.Status202Accepted;
                return;
        }
        var pooled = await pool.TryBeginAsync(requestId, payload!, options, wait: false, context.RequestAborted).ConfigureAwait(false);
        if (pooled is null)
        {
            // Lambda's throttle: 429 TooManyRequestsException with Reason and Retry-After (API reference, Invoke, Errors).
            response.Headers[ApiHeaders.RetryAfter] = "1";
            await ErrorAsync(context, StatusCodes.Status429TooManyRequests, ErrorTypes.TooManyRequestsException, "Rate Exceeded.",
                ErrorTypes.ReservedConcurrencyExceeded).ConfigureAwait(false);
            return;
        }
        await WriteResultAsync(context, pooled, tailLog: request.Headers[ApiHeaders.LogType] == ApiHeaders.LogTypeTail).ConfigureAwait(false);
    }

    /// <summary>The function's answer, sent once the runtime posted it; with the log tail, once the REPORT line is written.</summary>
    private static async Task WriteResultAsync(HttpContext context, PooledInvocation pooled, bool tailLog)
    {
        var response = context.Response;
        var (payload, contentType, functionError) = await pooled.AnswerAsync().ConfigureAwait(false);
        if (tailLog)
        {
            await pooled.Result.ConfigureAwait(false);
            response.Headers[ApiHeaders.LogResult] = InvocationLog.Tail(InvocationLog.Lines(pooled.Environment.Logs, pooled.RequestId));
        }
        response.Headers[ApiHeaders.AmznRequestId] = pooled.RequestId;
        response.Headers[ApiHeaders.ExecutedVersion] = pooled.Environment.Function.Version;
        if (functionError is not null) response.Headers[ApiHeaders.FunctionError] = functionError;
        await HttpExchange.WriteAsync(response, StatusCodes.Status200OK, payload, contentType).ConfigureAwait(false);
    }

    private Task ListTagsAsync(HttpContext context, string arn)
    {
        var pool = stack.Pools.FirstOrDefault(p => p.Definition.InvokedFunctionArn == arn);
        return pool is null
            ? FunctionNotFoundAsync(context, arn)
            : HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, LambdaApiBodies.ListTags(pool.Function.Tags));
    }

    private Task WithFunctionAsync(HttpContext context, string functionName, Func<FunctionPool, Task> answer) =>
        Find(context, functionName) is { } pool ? answer(pool) : FunctionNotFoundAsync(context, functionName);

    /// <summary>The function a name, a partial ARN or a full ARN names, with an optional qualifier that must be its version.</summary>
    private FunctionPool? Find(HttpContext context, string reference)
    {
        var decoded = Uri.UnescapeDataString(reference);
        var marker = decoded.IndexOf("function:", StringComparison.Ordinal);
        var nameAndQualifier = marker >= 0 ? decoded[(marker + "function:".Length)..] : decoded;
        var colon = nameAndQualifier.IndexOf(':', StringComparison.Ordinal);
        var name = colon >= 0 ? nameAndQualifier[..colon] : nameAndQualifier;
        var qualifier = colon >= 0 ? nameAndQualifier[(colon + 1)..] : context.Request.Query["Qualifier"].ToString();
        var pool = stack.Pools.FirstOrDefault(p => p.Definition.FunctionName == name);
        return pool is not null && (qualifier.Length == 0 || qualifier == pool.Definition.Version) ? pool : null;
    }

    private static (int Status, string Type, string Message)? Rejection(string invocationType, byte[]? payload)
    {
        if (invocationType is not (InvocationTypes.RequestResponse or InvocationTypes.Event or InvocationTypes.DryRun))
            return (StatusCodes.Status400BadRequest, ErrorTypes.InvalidParameterValue,
                $"1 validation error detected: Value '{invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        if (payload is null)
            return (StatusCodes.Status413PayloadTooLarge, ErrorTypes.RequestTooLargeException,
                $"Request must be smaller than {LambdaLimits.MaxSyncPayloadBytes} bytes for the InvokeFunction operation");
        if (invocationType == InvocationTypes.Event && payload.Length > LambdaLimits.MaxAsyncPayloadBytes)
            return (StatusCodes.Status413PayloadTooLarge, ErrorTypes.RequestTooLargeException,
                $"Request must be smaller than {LambdaLimits.MaxAsyncPayloadBytes} bytes for the InvokeAsync operation");
        // Invoke takes JSON only: "InvalidRequestContentException: The request body could not be parsed as JSON" (API reference, Invoke, Errors).
        if (JsonProblem(payload) is { } problem)
            return (StatusCodes.Status400BadRequest, ErrorTypes.InvalidRequestContentException, $"Could not parse request body into json: {problem}");
        return null;
    }

    private static string? JsonProblem(byte[] payload)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(payload);
            return null;
        }
        catch (System.Text.Json.JsonException e)
        {
            return e.Message;
        }
    }

    private Task FunctionNotFoundAsync(HttpContext context, string reference)
    {
        var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : stack.ArnOf(Uri.UnescapeDataString(reference));
        return ErrorAsync(context, StatusCodes.Status404NotFound, ErrorTypes.ResourceNotFoundException, $"Function not found: {arn}");
    }

    private static Task NotAnEndpointAsync(HttpContext context) =>
        ErrorAsync(context, StatusCodes.Status404NotFound, ErrorTypes.ResourceNotFoundException,
            $"{context.Request.Method} {context.Request.Path} is not an operation of this Lambda API (Invoke, ListFunctions, GetFunction, GetFunctionConfiguration, ListTags).");

    private static Task ErrorAsync(HttpContext context, int status, string type, string message, string? reason = null)
    {
        context.Response.Headers[ApiHeaders.AmznErrorType] = type;
        return HttpExchange.WriteAsync(context.Response, status, LambdaApiBodies.Error(message, reason));
    }
}
