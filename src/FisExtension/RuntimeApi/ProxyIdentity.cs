using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>
/// The one path the proxy answers itself: the wrapper asks it, before pointing the runtime at the port, whether
/// the listener there really is this extension — a foreign server on a taken port must not get the runtime.
/// It lies outside the Runtime API's <c>/2018-06-01</c> tree, so no runtime request can collide with it.
/// </summary>
internal static class ProxyIdentity
{
    public const string Path = "/aws-fis/ready";
    public const string Header = "Aws-Fis-Extension";

    public static Task AnswerAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers[Header] = ExtensionVersion.Current;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
