using System.Globalization;
using System.Text;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>
/// Reads HTTP/1.x messages off a socket byte by byte as they are: no size limit, no decoding of header values
/// (Latin-1), the body by its framing (Content-Length, chunked with trailers, or none).
/// </summary>
internal sealed class Http1Reader(Stream stream)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next message, or null when the peer closed the connection before sending one.</summary>
    public async Task<HttpMessage?> ReadAsync(bool isResponseToHead = false, CancellationToken cancellationToken = default) =>
        await ReadHeadAsync(cancellationToken) is { } head ? await ReadBodyAsync(head, isResponseToHead, cancellationToken) : null;

    /// <summary>The next message's start line and header fields (its body still unread), or null when the peer closed the connection.</summary>
    public async Task<HttpMessage?> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        var startLine = await ReadLineAsync(cancellationToken);
        return startLine is null ? null : new HttpMessage(startLine, await ReadFieldsAsync(cancellationToken), [], []);
    }

    /// <summary>The body of the message whose head <see cref="ReadHeadAsync"/> returned, by its framing.</summary>
    public async Task<HttpMessage> ReadBodyAsync(HttpMessage message, bool isResponseToHead = false, CancellationToken cancellationToken = default)
    {
        var startLine = message.StartLine;
        if (isResponseToHead || (startLine.StartsWith("HTTP/", StringComparison.Ordinal) && message.StatusCode is 204 or 304 or < 200))
        {
            return message;
        }

        if (message.IsChunked)
        {
            var (body, trailers) = await ReadChunkedAsync(cancellationToken);
            return message with { Body = body, Trailers = trailers };
        }

        if (message.Header("Content-Length") is { } length)
        {
            return message with { Body = await ReadExactlyAsync(long.Parse(length, CultureInfo.InvariantCulture), cancellationToken) };
        }

        // A request without framing has no body; a response without it runs to the end of the connection.
        return startLine.StartsWith("HTTP/", StringComparison.Ordinal) ? message with { Body = await ReadToEndAsync(cancellationToken) } : message;
    }

    private async Task<IReadOnlyList<HeaderField>> ReadFieldsAsync(CancellationToken cancellationToken)
    {
        var fields = new List<HeaderField>();
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields.Add(new HeaderField(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
        }

        return fields;
    }

    private async Task<(byte[] Body, IReadOnlyList<HeaderField> Trailers)> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new IOException("the connection closed inside a chunked body");
            var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return (body.ToArray(), await ReadFieldsAsync(cancellationToken));
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return line.Length == 0 ? null : throw new IOException("the connection closed inside a line");
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline < 0)
            {
                line.Write(_buffer, _start, _end - _start);
                _start = _end;
                continue;
            }

            line.Write(_buffer, _start, newline - _start);
            _start = newline + 1;
            var text = Encoding.Latin1.GetString(line.GetBuffer(), 0, (int)line.Length);
            return text.EndsWith('\r') ? text[..^1] : text;
        }
    }

    private async Task<byte[]> ReadExactlyAsync(long count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException($"the connection closed after {filled} of {count} body bytes");
            }

            var take = (int)Math.Min(count - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, filled, take);
            _start += take;
            filled += take;
        }

        return result;
    }

    private async Task<byte[]> ReadToEndAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
        }
        while (await FillAsync(cancellationToken));

        return body.ToArray();
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
