using System.Net;
using FisExtension.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>
/// The Runtime API proxy: every request the runtime makes is forwarded to the upstream Runtime API with YARP,
/// bytes and headers unchanged, except where a fault says otherwise. Unknown paths (<c>/restore/*</c>, future
/// endpoints) pass through too.
/// </summary>
internal sealed class RuntimeApiProxy(
    IHttpForwarder forwarder,
    HttpMessageInvoker upstream,
    string upstreamAddress,
    InvocationInterceptor interceptor,
    RefusalThrottle throttle,
    CancellationToken stopping,
    ILogger<RuntimeApiProxy> logger)
{
    /// <summary>
    /// No activity timeout: <c>/next</c> long-polls, and the process may be frozen in the middle of it.
    /// Upstream failures become YARP's deliberate answers: 502 when unreachable, 504 on a timeout.
    /// </summary>
    private static readonly ForwarderRequestConfig RequestConfig = new()
    {
        ActivityTimeout = Timeout.InfiniteTimeSpan,
        Version = HttpVersion.Version11,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private const int MaxLoggedPathLength = 200;

    private readonly string _destinationPrefix = $"http://{upstreamAddress}";
    private readonly RawHttpForwarder _raw = new(upstreamAddress);
    private readonly NextInvocationTransformer _nextInvocation = new(interceptor);
    private readonly RawTargetTransformer _asSent = new();

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = RawTarget(context);
        if (HttpMethods.IsGet(request.Method) && request.Path.Value == ProxyIdentity.Path)
        {
            return ProxyIdentity.AnswerAsync(context);
        }

        if (_raw.IsTooLongForUri(rawTarget))
        {
            return AnswerAsync(context, () => _raw.ForwardAsync(context, rawTarget));
        }

        if (HttpMethods.IsGet(request.Method) && request.Path.Value == RuntimeApiPaths.NextInvocation)
        {
            return ForwardAsync(context, _nextInvocation);
        }

        if (HttpMethods.IsPost(request.Method)
            && RuntimeApiPaths.TryParseInvocationResult(PathOf(rawTarget), out var requestId, out _)
            && interceptor.TryTakeOverride(requestId, out var pending))
        {
            return AnswerAsync(context, () => interceptor.ReplaceResultAsync(context, requestId, pending));
        }

        return RawHttpForwarder.CarriesTrailers(request)
            ? AnswerAsync(context, () => _raw.ForwardAsync(context, rawTarget))
            : ForwardAsync(context, _asSent);
    }

    /// <summary>The request target as the runtime sent it, still escaped: Kestrel's decoded path would be unescaped twice.</summary>
    private static string RawTarget(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? $"{context.Request.Path}{context.Request.QueryString}";

    private static string PathOf(string rawTarget)
    {
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? rawTarget : rawTarget[..query];
    }

    private async Task ForwardAsync(HttpContext context, HttpTransformer transformer)
    {
        var error = await forwarder.SendAsync(context, _destinationPrefix, upstream, RequestConfig, transformer).ConfigureAwait(false);
        // A runtime that hung up (it was stopped, or gave up) is not an upstream failure worth a warning.
        if (error != ForwarderError.None && !context.RequestAborted.IsCancellationRequested)
        {
            ReportForwardFailure(context, error.ToString(), error.ToString(), context.Response.StatusCode);
        }
    }

    /// <summary>
    /// Runs a path YARP does not handle, with YARP's deliberate answers to failure: 502 while nothing was sent to
    /// the runtime, and an aborted connection once it was, so a truncated body can never pass as a whole one.
    /// </summary>
    private async Task AnswerAsync(HttpContext context, Func<Task> answer)
    {
        try
        {
            await answer().ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            ReportForwardFailure(context, exception.GetType().Name, $"{exception.GetType().Name}: {exception.Message}", StatusCodes.Status502BadGateway);
            if (context.Response.HasStarted)
            {
                context.Abort();
            }
            else
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }
    }

    private void ReportForwardFailure(HttpContext context, string kind, string error, int statusCode)
    {
        var method = context.Request.Method;
        var path = Shortened(context.Request.Path.Value ?? "");
        if (stopping.IsCancellationRequested)
        {
            Log.ForwardEndedByShutdown(logger, method, path, error);
        }
        else if (throttle.TryPass($"forward {method} {kind}", out var leftOut))
        {
            Log.ForwardFailed(logger, method, path, error, statusCode, RefusalThrottle.LeftOutNote(leftOut));
        }
    }

    /// <summary>A path as long as the request line may be (megabytes) would swamp the line that names it.</summary>
    private static string Shortened(string path) => path.Length <= MaxLoggedPathLength ? path : $"{path[..MaxLoggedPathLength]}… ({path.Length} characters)";
}
