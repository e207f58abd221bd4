using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>YARP's hook on <c>/next</c>: the event passes through the <see cref="InvocationInterceptor"/> before the runtime sees it.</summary>
internal sealed class NextInvocationTransformer(InvocationInterceptor interceptor) : RawTargetTransformer
{
    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is null)
        {
            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        }

        var answer = await interceptor.OnNextEventAsync(httpContext.Request, proxyResponse, cancellationToken).ConfigureAwait(false);
        var later = !ReferenceEquals(answer, proxyResponse);

        // The event's body is copied here, not by YARP (returning false): straight into Kestrel's blocks. A later
        // event, fetched after prevented ones were answered upstream, is one YARP does not even know of.
        try
        {
            httpContext.Response.StatusCode = (int)answer.StatusCode;
            if (!await base.TransformResponseAsync(httpContext, answer, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await ResponseBodyCopier.CopyAsync(answer, httpContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (later)
            {
                answer.Dispose();
            }
        }

        return false;
    }
}
