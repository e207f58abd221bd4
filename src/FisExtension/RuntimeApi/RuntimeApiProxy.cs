using System.Net;
using FisExtension.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>
/// The Runtime API proxy: every request the runtime makes is forwarded to the upstream Runtime API with YARP,
/// bytes and headers unchanged. Unknown paths (<c>/restore/*</c>, future endpoints) pass through too.
/// </summary>
internal sealed class RuntimeApiProxy(IHttpForwarder forwarder, HttpMessageInvoker upstream, string upstreamAddress, ILogger<RuntimeApiProxy> logger)
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

    private readonly string _destinationPrefix = $"http://{upstreamAddress}";
    private readonly StreamingResultForwarder _streaming = new(upstreamAddress);

    public async Task HandleAsync(HttpContext context)
    {
        if (StreamingResultForwarder.Applies(context.Request))
        {
            await ForwardStreamingAsync(context).ConfigureAwait(false);
            return;
        }

        var error = await forwarder.SendAsync(context, _destinationPrefix, upstream, RequestConfig, HttpTransformer.Empty).ConfigureAwait(false);
        if (error != ForwarderError.None)
        {
            Log.ForwardFailed(logger, context.Request.Method, context.Request.Path, error.ToString(), context.Response.StatusCode);
        }
    }

    private async Task ForwardStreamingAsync(HttpContext context)
    {
        try
        {
            await _streaming.ForwardAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            Log.ForwardFailed(logger, context.Request.Method, context.Request.Path, exception.Message, StatusCodes.Status502BadGateway);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
        }
    }
}
