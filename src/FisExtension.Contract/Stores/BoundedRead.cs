namespace FisExtension.Contract.Stores;

/// <summary>Reads a stream to its end, but never more than a limit plus one byte, so a huge object costs no memory.</summary>
public static class BoundedRead
{
    public static async Task<byte[]> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        while (length < buffer.Length)
        {
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
