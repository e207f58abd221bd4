using System.Net.Sockets;
using System.Text;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>A minimal Lambda runtime driven by the test: it calls the Runtime API at an address, with no timeout.</summary>
internal sealed class RuntimeClient(string address) : IDisposable
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, ActivityHeadersPropagator = null })
    {
        BaseAddress = new Uri($"http://{address}"),
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public string Address => address;

    /// <summary>GET /next, waiting for the listener to come up (the extension starts during init).</summary>
    public async Task<NextInvocation> NextAsync(CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                using var response = await _http.GetAsync("/2018-06-01/runtime/invocation/next", cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var requestId = response.Headers.TryGetValues("Lambda-Runtime-Aws-Request-Id", out var ids) ? ids.First() : "";
                return new NextInvocation((int)response.StatusCode, requestId, body, response.Headers, response.Content.Headers);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                && DateTime.UtcNow - started < ConnectPatience)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    public async Task<HttpResponseMessage> PostResponseAsync(string requestId, byte[] body, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2018-06-01/runtime/invocation/{requestId}/response") { Content = new ByteArrayContent(body) };
        AddHeaders(request, headers);
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostErrorAsync(string requestId, string errorType, string message)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"errorMessage\":\"{message}\",\"errorType\":\"{errorType}\",\"stackTrace\":[]}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2018-06-01/runtime/invocation/{requestId}/error") { Content = new ByteArrayContent(body) };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        return await _http.SendAsync(request);
    }

    /// <summary>Answers one invocation by echoing its event.</summary>
    public async Task<NextInvocation> EchoOneAsync(CancellationToken cancellationToken = default)
    {
        var next = await NextAsync(cancellationToken);
        using var posted = await PostResponseAsync(next.RequestId, next.Event);
        return next;
    }

    /// <summary>
    /// Posts a streamed response over raw HTTP/1.1 (HttpClient cannot send request trailers): each chunk is sent
    /// only after <paramref name="beforeChunk"/> for it completes, then the trailers. Returns the status code.
    /// </summary>
    public async Task<int> PostStreamingResponseAsync(
        string requestId,
        IReadOnlyList<byte[]> chunks,
        Func<int, Task> beforeChunk,
        IReadOnlyList<KeyValuePair<string, string>> trailers,
        CancellationToken cancellationToken = default,
        string extraHeaders = "")
    {
        var separator = address.LastIndexOf(':');
        using var socket = new TcpClient();
        await socket.ConnectAsync(address[..separator], int.Parse(address[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var stream = socket.GetStream();
        var trailerNames = string.Join(", ", trailers.Select(t => t.Key));
        var head = $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: {address}\r\n"
            + "Lambda-Runtime-Function-Response-Mode: streaming\r\nContent-Type: application/octet-stream\r\n"
            + $"Transfer-Encoding: chunked\r\nTrailer: {trailerNames}\r\nConnection: close\r\n{extraHeaders}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        for (var i = 0; i < chunks.Count; i++)
        {
            await beforeChunk(i);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunks[i].Length:x}\r\n"), cancellationToken);
            await stream.WriteAsync(chunks[i], cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        var end = new StringBuilder("0\r\n");
        foreach (var (name, value) in trailers)
        {
            end.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        end.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(end.ToString()), cancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        while (true)
        {
            var status = await reader.ReadLineAsync(cancellationToken) ?? "";
            var code = int.Parse(status.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (code >= 200)
            {
                return code;
            }

            // An interim 100 Continue: skip its blank line and read the final status.
            await reader.ReadLineAsync(cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private static void AddHeaders(HttpRequestMessage request, IReadOnlyDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }
}
