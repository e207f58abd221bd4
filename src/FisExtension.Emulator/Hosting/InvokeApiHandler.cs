using System.Text;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

/// <summary>The invoke API of the Runtime Interface Emulator: <c>POST /2015-03-31/functions/function/invocations</c>,
/// and a health check.</summary>
internal sealed class InvokeApiHandler(LambdaEmulator emulator)
{
    // Lambda gives the runtime "{}" when an invoke carries no payload.
    private static readonly byte[] EmptyEvent = "{}"u8.ToArray();

    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path is ApiPaths.Health or ApiPaths.HealthVersioned && HttpMethods.IsGet(context.Request.Method)) return HealthAsync(context);
        if (path.StartsWith(ApiPaths.InvokePrefix, StringComparison.Ordinal) && path.EndsWith(ApiPaths.InvokeSuffix, StringComparison.Ordinal)
            && HttpMethods.IsPost(context.Request.Method))
            return InvokeAsync(context);
        return HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, ErrorTypes.NotFound,
            $"{context.Request.Method} {path} is not an endpoint; use POST {ApiPaths.InvokeDefault}");
    }

    private Task HealthAsync(HttpContext context) => emulator.IsReady
        ? HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, JsonBodies.Health("ready"))
        : HttpExchange.WriteAsync(context.Response, StatusCodes.Status503ServiceUnavailable, JsonBodies.Health("not initialized"));

    private async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = emulator.NewId();
        var options = new InvokeOptions
        {
            InvocationType = request.Headers[ApiHeaders.InvocationType] is { Count: > 0 } type ? type.ToString() : InvocationTypes.RequestResponse,
            ClientContext = DecodeClientContext(request.Headers[ApiHeaders.InvokeClientContext].ToString()),
            TraceId = request.Headers[ApiHeaders.InvokeTraceId] is { Count: > 0 } trace ? trace.ToString() : null,
        };
        var body = await HttpExchange.ReadBodyAsync(request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false);
        var payload = body is null ? new byte[LambdaLimits.MaxSyncPayloadBytes + 1] : body.Length == 0 ? EmptyEvent : body;
        if (emulator.Rejection(requestId, payload, options) is { } rejected)
        {
            await WriteResultAsync(context.Response, rejected).ConfigureAwait(false);
            return;
        }
        if (options.InvocationType == InvocationTypes.Event)
        {
            await WriteResultAsync(context.Response, emulator.QueueEvent(requestId, payload, options)).ConfigureAwait(false);
            return;
        }
        var handle = await emulator.BeginInvocationAsync(requestId, payload, options, streamToCaller: true, context.RequestAborted).ConfigureAwait(false);
        if (handle.Invocation is not { } invocation)
        {
            await WriteResultAsync(context.Response, await handle.Result.ConfigureAwait(false)).ConfigureAwait(false);
            return;
        }
        var head = await invocation.Head.ConfigureAwait(false);
        foreach (var (name, value) in emulator.Headers(requestId, head.FunctionError)) context.Response.Headers[name] = value;
        context.Response.ContentType = head.ContentType;
        if (head.Streamed)
        {
            await ChunkedStreamWriter.WriteAsync(context, handle.Body!, invocation.Tail).ConfigureAwait(false);
            return;
        }
        await invocation.Tail.ConfigureAwait(false);
        await HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, invocation.BodyBytes(), head.ContentType).ConfigureAwait(false);
    }

    private static Task WriteResultAsync(HttpResponse response, InvocationResult result)
    {
        foreach (var (name, value) in result.Headers) response.Headers[name] = value;
        if (result.StatusCode == StatusCodes.Status204NoContent || (result.StatusCode == StatusCodes.Status202Accepted && result.Payload.Length == 0))
        {
            response.StatusCode = result.StatusCode;
            return Task.CompletedTask;
        }
        return HttpExchange.WriteAsync(response, result.StatusCode, result.Payload, result.ContentType ?? ContentTypes.Json);
    }

    /// <summary>The invoke API carries the client context base64-encoded; the runtime receives the JSON itself.</summary>
    internal static string? DecodeClientContext(string header)
    {
        if (header.Length == 0) return null;
        var buffer = new byte[header.Length];
        return Convert.TryFromBase64String(header, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : header;
    }
}
