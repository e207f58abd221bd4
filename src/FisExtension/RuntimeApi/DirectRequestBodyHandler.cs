namespace FisExtension.RuntimeApi;

/// <summary>
/// Sends a forwarded request's body straight from Kestrel's blocks (<see cref="RequestBodyPipeContent"/>) in place of
/// YARP's copying content. YARP refuses a content replaced in its transformer ("Replacing the YARP outgoing request
/// HttpContent is not supported"), so the swap happens here, in the invoker YARP sends through; YARP then never starts
/// its own content and does not wait for it (HttpForwarder, step 9: it waits only for a content that started).
/// Requests not marked by <see cref="Mark"/> (the Extensions API's, bodies of unknown length) pass unchanged.
/// This rests on HTTP/1.1 (RuntimeApiProxy asks for exactly that version): HttpClient sends the whole body before it
/// returns the response, so the body is read before YARP finishes with the request. Over HTTP/2 it would not be.
/// </summary>
internal sealed class DirectRequestBodyHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly HttpRequestOptionsKey<HttpContext> Origin = new("fis-extension.origin");

    /// <summary>Marks a request whose body may be sent straight from the runtime's request: a known, non-zero length, no <c>Expect</c>.</summary>
    public static void Mark(HttpContext context, HttpRequestMessage proxyRequest)
    {
        if (context.Request.ContentLength is > 0 && proxyRequest.Content is not null && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Request.Headers.Expect))
        {
            proxyRequest.Options.Set(Origin, context);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Content first: Options makes a dictionary on first use, and a request without a body needs none.
        if (request.Content is { } copying && request.Options.TryGetValue(Origin, out var context))
        {
            var direct = new RequestBodyPipeContent(context.Request.BodyReader, context.Request.ContentLength!.Value);
            foreach (var (name, values) in copying.Headers.NonValidated)
            {
                foreach (var value in values)
                {
                    direct.Headers.TryAddWithoutValidation(name, value);
                }
            }

            request.Content = direct;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
