namespace FisExtension.Contract.Stores;

/// <summary>
/// Reads a stream to its end, but never more than a limit plus one byte, so a huge object costs no memory. The buffer
/// grows as the bytes come, so a generous limit costs nothing for a small answer.
/// </summary>
public static class BoundedRead
{
    private const int FirstBufferBytes = 16 * 1024;

    public static async Task<byte[]> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var limit = maxBytes + 1;
        var buffer = new byte[Math.Min(limit, FirstBufferBytes)];
        var length = 0;
        while (length < limit)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(limit, 2L * buffer.Length));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return buffer[..length];
    }
}
