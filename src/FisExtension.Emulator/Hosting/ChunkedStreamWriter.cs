using System.Globalization;
using System.Text;
using System.Threading.Channels;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

/// <summary>Writes a streamed response to the invoker chunk by chunk, flushing each, and ends it with the error
/// trailers. The chunked framing is written by hand because Kestrel sends no trailers on HTTP/1.1 responses; when the
/// application sets <c>Transfer-Encoding: chunked</c> itself, Kestrel leaves the framing to it.</summary>
internal static class ChunkedStreamWriter
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    public static async Task WriteAsync(HttpContext context, ChannelReader<ReadOnlyMemory<byte>> chunks, Task<ResponseTail> tail)
    {
        var response = context.Response;
        var cancellation = context.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers[ApiHeaders.TransferEncoding] = "chunked";
        response.Headers[ApiHeaders.Trailer] = $"{ApiHeaders.FunctionErrorType}, {ApiHeaders.FunctionErrorBody}";
        await response.StartAsync(cancellation).ConfigureAwait(false);
        var body = response.BodyWriter;
        try
        {
            await foreach (var chunk in chunks.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                if (chunk.Length == 0) continue;
                await body.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("X", CultureInfo.InvariantCulture)), cancellation).ConfigureAwait(false);
                await body.WriteAsync(CrLf, cancellation).ConfigureAwait(false);
                await body.WriteAsync(chunk, cancellation).ConfigureAwait(false);
                await body.WriteAsync(CrLf, cancellation).ConfigureAwait(false);
                await body.FlushAsync(cancellation).ConfigureAwait(false);
            }
            var end = await tail.ConfigureAwait(false);
            var trailers = new StringBuilder("0\r\n");
            if (end.ErrorTrailerType is { } type) trailers.Append(CultureInfo.InvariantCulture, $"{ApiHeaders.FunctionErrorType}: {type}\r\n");
            if (end.ErrorTrailerBody is { } errorBody) trailers.Append(CultureInfo.InvariantCulture, $"{ApiHeaders.FunctionErrorBody}: {errorBody}\r\n");
            trailers.Append("\r\n");
            await body.WriteAsync(Encoding.ASCII.GetBytes(trailers.ToString()), cancellation).ConfigureAwait(false);
            await body.FlushAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The invoker went away; the invocation runs to its end regardless, as in Lambda.
        }
    }
}
