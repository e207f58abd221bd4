using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>
/// YARP's request transform with one change: the upstream gets the runtime's own request target. YARP rebuilds it
/// from Kestrel's decoded path, which turns <c>%41</c> into <c>A</c>, <c>%2F</c> into <c>%252F</c> and drops dot
/// segments; a Uri made without canonicalization keeps every byte.
/// </summary>
internal class RawTargetTransformer : HttpTransformer
{
    private static readonly UriCreationOptions AsSent = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        if (httpContext.Features.Get<IHttpRequestFeature>()?.RawTarget is { } rawTarget
            && rawTarget.StartsWith('/')
            && Uri.TryCreate(destinationPrefix.TrimEnd('/') + rawTarget, in AsSent, out var uri))
        {
            proxyRequest.RequestUri = uri;
        }

        DirectRequestBodyHandler.Mark(httpContext, proxyRequest);
    }
}
