using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Forwards a streamed <c>/response</c> (chunked, possibly ending in HTTP trailers) over a raw HTTP/1.1
/// connection. HttpClient cannot send request trailers, and a mid-stream error lives in the
/// <c>Lambda-Runtime-Function-Error-Type</c>/<c>-Body</c> trailers, so this one path writes HTTP itself:
/// each chunk is passed on as it arrives, then the trailers the runtime sent.
/// </summary>
internal sealed class StreamingResultForwarder(string upstreamAddress)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>True for a result sent without a length whose sender announced trailers or streaming.</summary>
    public static bool Applies(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.ContentLength is null
        && (request.Headers.ContainsKey(RuntimeApiHeaders.Trailer)
            || string.Equals(request.Headers[RuntimeApiHeaders.ResponseMode], RuntimeApiHeaders.StreamingResponseMode, StringComparison.OrdinalIgnoreCase));

    public async Task ForwardAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var upstream = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (upstream.ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            await WriteRequestHeadAsync(context.Request, upstream, cancellationToken).ConfigureAwait(false);
            IOException? sendFailure = null;
            try
            {
                await CopyBodyAsChunksAsync(context.Request.Body, upstream, buffer, cancellationToken).ConfigureAwait(false);
                await WriteTrailersAsync(context, upstream, cancellationToken).ConfigureAwait(false);
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

            await CopyResponseBodyAsync(head, upstream, buffer, context.Response.Body, cancellationToken).ConfigureAwait(false);
        }
    }

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

    private async Task WriteRequestHeadAsync(HttpRequest request, Stream upstream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Path}{request.QueryString} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {upstreamAddress}\r\n");
        foreach (var (name, values) in request.Headers.Where(h => !HeadersNotForwarded.Contains(h.Key)))
        {
            foreach (var value in values)
            {
                head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
            }
        }

        head.Append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        await upstream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyBodyAsChunksAsync(Stream body, Stream upstream, byte[] buffer, CancellationToken cancellationToken)
    {
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await upstream.WriteAsync(Encoding.ASCII.GetBytes($"{read:x}\r\n"), cancellationToken).ConfigureAwait(false);
            await upstream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            await upstream.WriteAsync("\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            await upstream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
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
        await upstream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyResponseBodyAsync(Http1ResponseHead head, Stream upstream, byte[] buffer, Stream destination, CancellationToken cancellationToken)
    {
        var prefetched = new MemoryStream(buffer.AsSpan(0, head.BodyBytesAlreadyRead).ToArray(), writable: false);
        Stream source = new ConcatenatedStream(prefetched, upstream);
        if (string.Equals(head.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            await ChunkedBody.CopyDecodedAsync(source, destination, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(head.Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
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
