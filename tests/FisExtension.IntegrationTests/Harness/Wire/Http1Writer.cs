using System.Text;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>Writes an HTTP/1.x message exactly as composed: its headers in order, the body framed as its own headers say.</summary>
internal static class Http1Writer
{
    public static async Task WriteAsync(Stream stream, HttpMessage message, int chunkSize = 16 * 1024, CancellationToken cancellationToken = default)
    {
        var head = new StringBuilder().Append(message.StartLine).Append("\r\n");
        foreach (var header in message.Headers)
        {
            head.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        if (!message.IsChunked)
        {
            await stream.WriteAsync(message.Body, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return;
        }

        for (var offset = 0; offset < message.Body.Length; offset += chunkSize)
        {
            var length = Math.Min(chunkSize, message.Body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:x}\r\n"), cancellationToken);
            await stream.WriteAsync(message.Body.AsMemory(offset, length), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }

        var end = new StringBuilder("0\r\n");
        foreach (var trailer in message.Trailers)
        {
            end.Append(trailer.Name).Append(": ").Append(trailer.Value).Append("\r\n");
        }

        end.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(end.ToString()), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
