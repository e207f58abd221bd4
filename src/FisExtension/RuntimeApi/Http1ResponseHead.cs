using System.Text;

namespace FisExtension.RuntimeApi;

/// <summary>The status line and headers of an HTTP/1.1 response, read off a raw stream.</summary>
internal sealed record Http1ResponseHead(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, int BodyBytesAlreadyRead)
{
    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// Reads until the blank line of the final response; interim 1xx heads (<c>100 Continue</c>) are skipped. Any
    /// body bytes read past the head stay at the start of <paramref name="buffer"/>.
    /// </summary>
    public static async Task<Http1ResponseHead> ReadAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var limit = Math.Min(buffer.Length, MaxHeadBytes);
        var filled = 0;
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf(HeadEnd);
            if (end < 0)
            {
                if (filled >= limit)
                {
                    throw new IOException("the upstream's response headers are larger than 64 KiB");
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled, limit - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("the upstream closed the connection before its response headers ended");
                }

                filled += read;
                continue;
            }

            var head = Parse(Encoding.Latin1.GetString(buffer, 0, end));
            var rest = filled - end - HeadEnd.Length;
            Buffer.BlockCopy(buffer, end + HeadEnd.Length, buffer, 0, rest);
            filled = rest;
            if (head.StatusCode is >= 100 and < 200)
            {
                continue;
            }

            return head with { BodyBytesAlreadyRead = rest };
        }
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static Http1ResponseHead Parse(string head)
    {
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
        {
            throw new IOException($"the upstream answered with a malformed status line: {lines[0]}");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new Http1ResponseHead(code, headers, 0);
    }
}
