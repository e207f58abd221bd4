extern alias launcher;
using System.Net;
using System.Net.Sockets;
using System.Text;
using launcher::FisExtension.Launcher;

namespace FisExtension.Tests.Launcher;

/// <summary>The launcher's two Extensions API calls against a listener on a real socket that records the request's bytes.</summary>
public sealed class ExtensionsApiCallsTests
{
    [Fact(Timeout = 30_000)]
    public async Task TryRegister_PostsTheRegistrationForShutdown_AndReturnsTheIdentifier()
    {
        using var api = new OneAnswerServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nlambda-extension-identifier:  8c0f-id \r\nContent-Length: 2\r\n\r\n{}");

        var id = await Task.Run(() => ExtensionsApiCalls.TryRegister(api.Endpoint, "fis-extension"));

        Assert.Equal("8c0f-id", id);
        var request = await api.RequestAsync;
        Assert.StartsWith("POST /2020-01-01/extension/register HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Extension-Name: fis-extension\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 23\r\n", request, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"events\":[\"SHUTDOWN\"]}", request, StringComparison.Ordinal);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("HTTP/1.1 403 Forbidden\r\nLambda-Extension-Identifier: id\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: id\r\n")]
    [InlineData("garbage\r\n\r\n")]
    [InlineData("")]
    public async Task TryRegister_GivesNothingForAnyOtherAnswer(string answer)
    {
        using var api = new OneAnswerServer(answer);

        Assert.Null(await Task.Run(() => ExtensionsApiCalls.TryRegister(api.Endpoint, "fis-extension")));
    }

    [Fact(Timeout = 30_000)]
    public async Task TryRegister_GivesNothingWhenNothingListens()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = (ushort)((IPEndPoint)listener.LocalEndPoint!).Port;
        listener.Dispose();

        Assert.Null(await Task.Run(() => ExtensionsApiCalls.TryRegister(Ipv4Endpoint.Loopback(port), "fis-extension")));
    }

    [Fact(Timeout = 30_000)]
    public async Task WaitForShutdown_AsksForTheNextEventWithTheIdentifier()
    {
        using var api = new OneAnswerServer("HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n{\"eventType\":\"SHUTDOWN\"}      ");

        Assert.True(await Task.Run(() => ExtensionsApiCalls.WaitForShutdown(api.Endpoint, "8c0f-id")));
        var request = await api.RequestAsync;
        Assert.StartsWith("GET /2020-01-01/extension/event/next HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Extension-Identifier: 8c0f-id\r\n", request, StringComparison.Ordinal);
    }

    /// <summary>Accepts one connection, reads the request up to its end, answers with fixed bytes and closes.</summary>
    private sealed class OneAnswerServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public OneAnswerServer(string answer)
        {
            _listener.Start();
            Endpoint = Ipv4Endpoint.Loopback((ushort)((IPEndPoint)_listener.LocalEndpoint).Port);
            RequestAsync = ServeAsync(answer);
        }

        public Ipv4Endpoint Endpoint { get; }

        public Task<string> RequestAsync { get; }

        public void Dispose() => _listener.Dispose();

        private async Task<string> ServeAsync(string answer)
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var received = new MemoryStream();
            var buffer = new byte[4096];
            while (!IsComplete(received.ToArray()))
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }

                received.Write(buffer, 0, read);
            }

            await stream.WriteAsync(Encoding.Latin1.GetBytes(answer));
            return Encoding.Latin1.GetString(received.ToArray());
        }

        private static bool IsComplete(byte[] request)
        {
            var text = Encoding.Latin1.GetString(request);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var length = text.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            return length is null || text.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
