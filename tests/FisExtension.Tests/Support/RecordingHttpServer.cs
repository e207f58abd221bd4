using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FisExtension.Tests.Support;

/// <summary>
/// A real HTTP/1.1 server on a loopback socket that records each request as it arrived on the wire (request line,
/// headers and a body of the Content-Length they give, unchanged) and answers it with the next canned response as
/// given, byte for byte, closing the connection after each;
/// or, when it is to stall, keeping the connection open after its answer (a body shorter than its Content-Length
/// then never ends).
/// </summary>
internal sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Queue<string> _responses;
    private readonly List<string> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private readonly bool _stallAfterAnswering;

    public RecordingHttpServer(params string[] responses)
        : this(stallAfterAnswering: false, responses)
    {
    }

    public RecordingHttpServer(bool stallAfterAnswering, params string[] responses)
    {
        _stallAfterAnswering = stallAfterAnswering;
        _responses = new Queue<string>(responses);
        _listener.Start();
        Port = (ushort)((IPEndPoint)_listener.LocalEndpoint).Port;
        Endpoint = $"http://127.0.0.1:{Port}";
        _serving = ServeAsync();
    }

    public ushort Port { get; }

    public string Endpoint { get; }

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A response with a body and Content-Length, the status line's reason and any extra header lines.</summary>
    public static string Response(int status, string reason, string body, params string[] headers) =>
        $"HTTP/1.1 {status} {reason}\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!IsComplete(received.ToString()))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }

            string response;
            lock (_requests)
            {
                _requests.Add(received.ToString());
                response = _responses.Count > 0 ? _responses.Dequeue() : Response(500, "No Canned Response", "");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(response), _stop.Token);
            if (_stallAfterAnswering)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
        }
    }

    private static bool IsComplete(string received)
    {
        var end = received.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var length = received[..end].Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null || received.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }
}
