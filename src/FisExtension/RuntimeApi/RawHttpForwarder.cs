using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Forwards a request that HttpClient cannot carry unchanged over a raw HTTP/1.1 connection of its own:
/// a result sent chunked with declared trailers (every result of the Go client, and a streamed response whose
/// mid-stream error lives in the <c>Lambda-Runtime-Function-Error-Type</c>/<c>-Body</c> trailers — HttpClient
/// cannot send request trailers), and a request target longer than <see cref="Uri"/> can hold. The target is the
/// runtime's own bytes, header values go out as the bytes that came in (Latin-1 both ways), the body keeps its
/// framing (the same <c>Content-Length</c>, or chunked with the same trailers, each chunk passed on as it
/// arrives), and nothing is added but the <c>Host</c> of the upstream.
/// </summary>
internal sealed class RawHttpForwarder(string upstreamAddress)
{
    // System.Uri refuses strings longer than this (its internal c_MaxUriBufferSize); YARP builds a Uri per request.
    private const int UriMaxLength = 65_519;
    private const int BufferSize = 64 * 1024;

    private readonly int _destinationPrefixLength = $"http://{upstreamAddress}".Length;

    /// <summary>True for a target YARP could not address: it builds a <see cref="Uri"/> of the upstream and the target.</summary>
    public bool IsTooLongForUri(string rawTarget) => _destinationPrefixLength + rawTarget.Length > UriMaxLength;

    /// <summary>True for a result sent without a length whose sender declared trailers or streaming: YARP would drop the trailers.</summary>
    public static bool CarriesTrailers(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.ContentLength is null
        && (request.Headers.ContainsKey(RuntimeApiHeaders.Trailer)
            || string.Equals(request.Headers[RuntimeApiHeaders.ResponseMode], RuntimeApiHeaders.StreamingResponseMode, StringComparison.OrdinalIgnoreCase));

    public async Task ForwardAsync(HttpContext context, string rawTarget)
    {
        var cancellationToken = context.RequestAborted;
        var upstream = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (upstream.ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            var chunked = IsChunked(context.Request);
            await WriteRequestHeadAsync(context.Request, rawTarget, chunked, upstream, cancellationToken).ConfigureAwait(false);
            IOException? sendFailure = null;
            try
            {
                await CopyBodyAsync(context, chunked, upstream, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The upstream may have answered early (400 unknown request id, 413 too large) and closed:
                // that answer, not a 502, is what the runtime must see.
                sendFailure = exception;
            }

            Http1ResponseHead head;
            try
            {
                head = await Http1ResponseHead.ReadAsync(upstream, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException) when (sendFailure is not null)
            {
                throw sendFailure;
            }

            context.Response.StatusCode = head.StatusCode;
            foreach (var (name, value) in head.Headers.Where(h => !HeadersNotForwarded.Contains(h.Key)))
            {
                context.Response.Headers.Append(name, value);
            }

            var length = ContentLengthOf(head);
            if (length is not null && !IsChunked(head))
            {
                context.Response.ContentLength = length;
            }

            await CopyResponseBodyAsync(context.Request.Method, head, length, upstream, buffer, context.Response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsChunked(HttpRequest request) =>
        request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    private static bool IsChunked(Http1ResponseHead head) =>
        head.Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    private static long? ContentLengthOf(Http1ResponseHead head) =>
        long.TryParse(head.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;

    private async Task<NetworkStream> ConnectAsync(CancellationToken cancellationToken)
    {
        var separator = upstreamAddress.LastIndexOf(':');
        var host = upstreamAddress[..separator];
        var port = int.Parse(upstreamAddress[(separator + 1)..], CultureInfo.InvariantCulture);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// The runtime's request line and headers. No <c>Connection: close</c>: the runtime did not send one, and this
    /// connection simply ends once the answer is read.
    /// </summary>
    private async Task WriteRequestHeadAsync(HttpRequest request, string rawTarget, bool chunked, Stream upstream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {rawTarget} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {upstreamAddress}\r\n");
        foreach (var (name, values) in request.Headers.Where(h => !HeadersNotForwarded.Contains(h.Key)))
        {
            foreach (var value in values)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }
        }

        if (chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (request.ContentLength is { } length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        }

        head.Append("\r\n");
        await upstream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyBodyAsync(HttpContext context, bool chunked, Stream upstream, byte[] buffer, CancellationToken cancellationToken)
    {
        var body = context.Request.Body;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (chunked)
            {
                await upstream.WriteAsync(Encoding.ASCII.GetBytes($"{read:x}\r\n"), cancellationToken).ConfigureAwait(false);
                await upstream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await upstream.WriteAsync("\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
                await upstream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await upstream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }

        if (chunked)
        {
            await WriteTrailersAsync(context, upstream, cancellationToken).ConfigureAwait(false);
        }

        await upstream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteTrailersAsync(HttpContext context, Stream upstream, CancellationToken cancellationToken)
    {
        var end = new StringBuilder("0\r\n");
        var trailers = context.Features.Get<IHttpRequestTrailersFeature>();
        if (trailers is { Available: true })
        {
            foreach (var (name, values) in trailers.Trailers)
            {
                foreach (var value in values)
                {
                    end.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
                }
            }
        }

        end.Append("\r\n");
        await upstream.WriteAsync(Encoding.Latin1.GetBytes(end.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyResponseBodyAsync(string method, Http1ResponseHead head, long? length, Stream upstream, byte[] buffer, Stream destination, CancellationToken cancellationToken)
    {
        // RFC 9112 §6.3: these answers end at their head, whatever their headers say.
        if (HttpMethods.IsHead(method) || head.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            return;
        }

        var prefetched = new MemoryStream(buffer.AsSpan(0, head.BodyBytesAlreadyRead).ToArray(), writable: false);
        Stream source = new ConcatenatedStream(prefetched, upstream);
        if (IsChunked(head))
        {
            await ChunkedBody.CopyDecodedAsync(source, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (length is not { } remaining)
        {
            await source.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        while (remaining > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the upstream closed the connection before its response body ended");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            remaining -= read;
        }
    }
}
