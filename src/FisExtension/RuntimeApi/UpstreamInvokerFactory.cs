using System.Net;
using System.Text;

namespace FisExtension.RuntimeApi;

/// <summary>The one HTTP client the extension uses towards the Runtime and Extensions APIs.</summary>
internal static class UpstreamInvokerFactory
{
    /// <summary>
    /// Long polls are normal here: no overall timeout, because a frozen process must not turn into a timeout
    /// (the reason Amazon.Lambda.RuntimeSupport gives its client a 12-hour timeout). Nothing between the
    /// extension and the loopback Runtime API needs a proxy, redirects, decompression or cookies.
    /// </summary>
    public static HttpMessageInvoker Create() => new(new DirectRequestBodyHandler(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        EnableMultipleHttp2Connections = false,

        // Bytes are sacred: no traceparent or other header may be added to what the runtime sends.
        ActivityHeadersPropagator = null,

        // Header values pass as the bytes they arrived as (Kestrel reads them as Latin-1 too): the default, ASCII
        // only, refuses the raw UTF-8 of an X-Ray error cause.
        RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
        ResponseHeaderEncodingSelector = (_, _) => Encoding.Latin1,
    }));
}
