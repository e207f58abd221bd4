using System.Globalization;
using System.Text;

namespace FisExtension.RuntimeApi;

/// <summary>Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1), dropping chunk extensions and trailers.</summary>
internal static class ChunkedBody
{
    public static async Task CopyDecodedAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var sizeLine = await ReadLineAsync(source, cancellationToken).ConfigureAwait(false);
            var sizeText = sizeLine.Split(';')[0].Trim();
            if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
            {
                throw new IOException($"malformed chunk size '{sizeLine}'");
            }

            if (size == 0)
            {
                while ((await ReadLineAsync(source, cancellationToken).ConfigureAwait(false)).Length > 0)
                {
                }

                return;
            }

            while (size > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("the connection closed inside a chunk");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                size -= read;
            }

            await ReadLineAsync(source, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadLineAsync(Stream source, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await source.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new IOException("the connection closed inside a chunked body");
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
