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
        if (ReferenceEquals(answer, proxyResponse))
        {
            return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        }

        // A later event, fetched after prevented ones were answered upstream: YARP only knows the first response,
        // so this one is copied here.
        using (answer)
        {
            httpContext.Response.StatusCode = (int)answer.StatusCode;
            await base.TransformResponseAsync(httpContext, answer, cancellationToken).ConfigureAwait(false);
            try
            {
                await answer.Content.CopyToAsync(httpContext.Response.Body, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException)
            {
                // Headers are out: only a reset tells the runtime the event is incomplete.
                httpContext.Abort();
            }
        }

        return false;
    }
}
