using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace FisExtension.RuntimeApi;

/// <summary>
/// What Kestrel runs for each request: a plain <see cref="DefaultHttpContext"/> handed to the proxy. It stands in for
/// the generic host's request pipeline, whose per-request activity, diagnostics, metrics and request services the
/// proxy has no use for.
/// </summary>
internal sealed class ProxyApplication(RequestDelegate handle) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => handle(context);

    // Kestrel logs an exception the proxy let through and answers 500 if nothing was sent yet; nothing is left to free.
    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
