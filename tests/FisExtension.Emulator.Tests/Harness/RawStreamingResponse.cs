using System.Net.Sockets;
using System.Text;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>A runtime's streamed <c>/response</c> written by hand on a socket, because HttpClient cannot send request
/// trailers: chunks one at a time, then the error trailers.</summary>
internal sealed class RawStreamingResponse : IAsyncDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;

    public static async Task<RawStreamingResponse> BeginAsync(string runtimeApiAddress, string requestId, string contentType)
    {
        var response = new RawStreamingResponse();
        var (host, port) = (runtimeApiAddress.Split(':')[0], int.Parse(runtimeApiAddress.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        await response._client.ConnectAsync(host, port);
        response._stream = response._client.GetStream();
        await response.WriteAsync(
            $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: {runtimeApiAddress}\r\n" +
            "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n" +
            "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n" +
            $"Content-Type: {contentType}\r\n\r\n");
        return response;
    }

    public Task ChunkAsync(byte[] data) => WriteAsync([.. Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"), .. data, .. "\r\n"u8.ToArray()]);

    /// <summary>Ends the body, with trailers when an error type is given; returns the emulator's status line.</summary>
    public async Task<string> EndAsync(string? errorType = null, string? errorBody = null)
    {
        var end = new StringBuilder("0\r\n");
        if (errorType is not null) end.Append("Lambda-Runtime-Function-Error-Type: ").Append(errorType).Append("\r\n");
        if (errorBody is not null) end.Append("Lambda-Runtime-Function-Error-Body: ").Append(errorBody).Append("\r\n");
        end.Append("\r\n");
        await WriteAsync(end.ToString());
        var buffer = new byte[4096];
        var read = await _stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private Task WriteAsync(string text) => WriteAsync(Encoding.ASCII.GetBytes(text));

    private async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }
}
