using System.Net.Sockets;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>One TCP connection to the Runtime API (or the proxy), used for request after request as clients keep it alive.</summary>
internal sealed class WireConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly Http1Reader _reader;

    private WireConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new Http1Reader(_stream);
    }

    public static async Task<WireConnection> OpenAsync(string address, CancellationToken cancellationToken = default)
    {
        var separator = address.LastIndexOf(':');
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(address[..separator], int.Parse(address[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return new WireConnection(client);
    }

    /// <summary>
    /// Sends the request as composed and reads the final answer (interim 1xx answers skipped). A server that
    /// refuses a request answers before reading all of it and closes: its answer is still read after the write failed.
    /// </summary>
    public async Task<HttpMessage> SendAsync(HttpMessage request, int chunkSize = 16 * 1024, CancellationToken cancellationToken = default)
    {
        IOException? writeFailure = null;
        try
        {
            await Http1Writer.WriteAsync(_stream, request, chunkSize, cancellationToken);
        }
        catch (IOException exception)
        {
            writeFailure = exception;
        }

        while (true)
        {
            var answer = await _reader.ReadAsync(request.Method == "HEAD", cancellationToken)
                ?? throw writeFailure ?? new IOException("the server closed the connection without an answer");
            if (answer.StatusCode >= 200)
            {
                return answer;
            }
        }
    }

    /// <summary>True once the server has closed its side: a read returns end of stream.</summary>
    public async Task<bool> ClosedByServerAsync(CancellationToken cancellationToken = default) =>
        await _reader.ReadAsync(cancellationToken: cancellationToken) is null;

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
