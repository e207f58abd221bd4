using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>
/// A Runtime API upstream on a raw socket that records every request exactly as it arrived (header lines in order,
/// bytes of values, body, framing, trailers) — what the proxy put on the wire. <c>GET /next</c> hands out the
/// queued events; every POST is answered <c>202 {"status":"OK"}</c>, as Lambda answers a result.
/// </summary>
internal sealed class RecordingRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<(string RequestId, HeaderField[] Headers)> _events = Channel.CreateUnbounded<(string, HeaderField[])>();
    private readonly ConcurrentQueue<HttpMessage> _received = new();
    private readonly Task _accepting;
    private int _connections;

    public RecordingRuntimeApi()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Every request received so far, in order of arrival.</summary>
    public IReadOnlyList<HttpMessage> Received => _received.ToArray();

    /// <summary>
    /// When set, a request announcing a longer body is answered 413 (with <c>Connection: close</c>) as soon as its head
    /// is read, and its connection reset without reading the body: an upstream that refuses a body midway (only its
    /// head is recorded).
    /// </summary>
    public long? RefuseBodiesOver { get; set; }

    /// <summary>How many connections the proxy opened to this upstream.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Queues an invocation for the next <c>GET /next</c>; its event is <c>{"requestId":…}</c>, sent with <paramref name="headers"/>.</summary>
    public void Enqueue(string requestId, params HeaderField[] headers) => _events.Writer.TryWrite((requestId, headers));

    /// <summary>Waits until <paramref name="count"/> requests have arrived and returns the last of them.</summary>
    public async Task<HttpMessage> ReceivedAsync(int count)
    {
        Assert.True(await Eventually.TrueAsync(() => _received.Count >= count, TimeSpan.FromSeconds(20)), $"the upstream received {_received.Count} of {count} requests");
        return Received[count - 1];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _events.Writer.TryComplete();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);

                // An answer goes out as head then body: without this, Nagle holds the body for the peer's delayed ACK.
                client.NoDelay = true;
                Interlocked.Increment(ref _connections);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException
            || (exception is InvalidOperationException && _stop.IsCancellationRequested))
        {
            // Stopped. A loop that comes round again after DisposeAsync stopped the listener gets "Not listening"
            // (InvalidOperationException) rather than a cancellation: a rehearsal run failed a test's dispose on it.
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new Http1Reader(stream);
                while (await reader.ReadHeadAsync(_stop.Token) is { } head)
                {
                    if (long.TryParse(head.Header("Content-Length"), out var length) && length > RefuseBodiesOver)
                    {
                        _received.Enqueue(head);
                        // It says it will close (RFC 9112 §9.6), as Go's net/http does when it leaves a body unread. A
                        // silent close races the proxy's HttpClient, which may have pooled the connection and sent the
                        // next request on it before the reset lands (1 run in 250 under load; HttpClient resends no
                        // request with a body).
                        await WriteAsync(stream, "413 Request Entity Too Large", """{"errorType":"RequestEntityTooLarge"}"""u8.ToArray(), new HeaderField("Connection", "close"));
                        client.Client.LingerState = new LingerOption(true, 0); // close with RST: the rest of the body is refused
                        return;
                    }

                    var request = await reader.ReadBodyAsync(head, cancellationToken: _stop.Token);
                    _received.Enqueue(request);
                    await AnswerAsync(stream, request);
                    if (string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase) || request.Version == "HTTP/1.0")
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or ChannelClosedException)
            {
                // The test ended, or the proxy closed its connection.
            }
        }
    }

    private async Task AnswerAsync(Stream stream, HttpMessage request)
    {
        if (request.Method == "GET" && request.Target == "/2018-06-01/runtime/invocation/next")
        {
            var (requestId, headers) = await _events.Reader.ReadAsync(_stop.Token);
            var body = Encoding.UTF8.GetBytes($"{{\"requestId\":\"{requestId}\"}}");
            await WriteAsync(stream, "200 OK", body, [new HeaderField("Lambda-Runtime-Aws-Request-Id", requestId), new HeaderField("Lambda-Runtime-Deadline-Ms", "4102444800000"), .. headers]);
            return;
        }

        await WriteAsync(stream, "202 Accepted", """{"status":"OK"}"""u8.ToArray());
    }

    private async Task WriteAsync(Stream stream, string status, byte[] body, params HeaderField[] headers)
    {
        HeaderField[] framing = [new("Content-Type", "application/json"), new("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        await Http1Writer.WriteAsync(stream, new HttpMessage($"HTTP/1.1 {status}", [.. headers, .. framing], body, []), cancellationToken: _stop.Token);
    }
}
