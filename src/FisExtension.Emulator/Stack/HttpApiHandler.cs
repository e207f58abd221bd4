using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Stack;

/// <summary>The stack's HTTP API: selects the route, gives its function the API Gateway event, and answers what API
/// Gateway makes of the result. A missing route is 404 <c>{"message":"Not Found"}</c>; a function error, an invalid
/// result or a throttled invocation is 500 <c>{"message":"Internal Server Error"}</c>; no answer within the route's
/// timeout is 503 <c>{"message":"Service Unavailable"}</c>, as HTTP APIs answer them in both payload formats (sources
/// by each constant of <see cref="HttpApiResponse"/>).</summary>
internal sealed class HttpApiHandler(ServerlessStack stack, RouteTable routes)
{
    // API Gateway's payload quota for HTTP APIs is 10 MB; Lambda's synchronous payload limit (6 MB) is the lower one.
    private const int MaxBodyBytes = LambdaLimits.MaxSyncPayloadBytes;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var match = routes.Select(request.Method, request.Path.Value ?? "/");
        var requestId = stack.NewRequestId();
        context.Response.Headers[ApiHeaders.ApiGatewayRequestId] = requestId;
        if (match is null || stack.FindPool(match.Route.FunctionName) is not { } pool)
        {
            await WriteAsync(context, HttpApiResponse.NotFound).ConfigureAwait(false);
            return;
        }
        var body = await Hosting.HttpExchange.ReadBodyAsync(request, MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(context, HttpApiResponse.Message(StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large")).ConfigureAwait(false);
            return;
        }
        var apiRequest = new HttpApiRequest(request.Method, request.Path.Value ?? "/", request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            [.. request.Headers.SelectMany(h => h.Value.Select(v => KeyValuePair.Create(h.Key, v ?? "")))], body,
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1", requestId, stack.Now(), request.Protocol, request.Host.Host);
        var payload = HttpApiEvents.Create(match, apiRequest, pool.Definition.AccountId);
        var pooled = await pool.TryBeginAsync(stack.NewRequestId(), payload, new InvokeOptions(), wait: false, context.RequestAborted).ConfigureAwait(false);
        if (pooled is null)
        {
            // AWS: re:Post knowledge center, "How can I troubleshoot the internal server error with status code 500 for API
            // Gateway endpoints that integrate with Lambda?", "Throttling issues": a throttled Lambda invocation is the
            // API's Internal Server Error; 429 is for the API's own request throttling, which this stack does not emulate.
            await WriteAsync(context, HttpApiResponse.Failure(
                $"{pool.Definition.FunctionName} was throttled: all {pool.Function.ReservedConcurrency} environments of its reserved concurrency are busy"), match).ConfigureAwait(false);
            return;
        }
        (byte[] Payload, string ContentType, string? FunctionError) answer;
        try
        {
            answer = await pooled.AnswerAsync().WaitAsync(match.Route.Timeout, stack.TimeProvider, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // AWS: HTTP API quotas (Quotas for configuring and running an HTTP API), "Maximum integration timeout" (30 s);
            // the answer is HttpApiResponse.ServiceUnavailable. The function runs on, as it does in Lambda.
            await WriteAsync(context, HttpApiResponse.ServiceUnavailable with
            {
                IntegrationError = $"{pool.Definition.FunctionName} did not answer within the route's integration timeout of {match.Route.Timeout.TotalMilliseconds} ms",
            }, match).ConfigureAwait(false);
            return;
        }
        // AWS: Troubleshooting issues with HTTP API Lambda integrations: a function error (X-Amz-Function-Error, as an
        // injected aws:lambda:invocation-error gives) is {"message":"Internal Server Error"}.
        await WriteAsync(context, answer.FunctionError is null
            ? HttpApiResponse.FromResult(answer.Payload, match.Route.PayloadFormatVersion)
            : HttpApiResponse.Failure(
                $"{pool.Definition.FunctionName} returned a function error ({answer.FunctionError}: {JsonBodies.ErrorTypeOf(answer.Payload) ?? "no errorType"})"), match).ConfigureAwait(false);
    }

    private Task WriteAsync(HttpContext context, HttpApiResponse answer, RouteMatch? match = null)
    {
        if (answer.IntegrationError is { } error)
            stack.Log($"[http-api] {context.Request.Method} {context.Request.Path} (route {match?.Route.RouteKey}) answered {answer.StatusCode}: {error}");
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        foreach (var group in answer.Headers.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
            response.Headers[group.Key] = group.Select(h => h.Value).ToArray();
        // RFC 9110 §15.3.5, §15.4.5: 204 and 304 have no content, and Kestrel refuses to write one.
        if (answer.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) return Task.CompletedTask;
        response.ContentLength = answer.Body.Length;
        return response.Body.WriteAsync(answer.Body, 0, answer.Body.Length, context.RequestAborted);
    }
}
