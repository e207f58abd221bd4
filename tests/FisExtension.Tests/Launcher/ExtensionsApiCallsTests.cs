extern alias launcher;
using System.Net;
using System.Net.Sockets;
using launcher::FisExtension.Launcher;
using FisExtension.Tests.Support;

namespace FisExtension.Tests.Launcher;

/// <summary>The launcher's two Extensions API calls against a server on a real socket that records the request's bytes.</summary>
public sealed class ExtensionsApiCallsTests
{
    [Fact(Timeout = 30_000)]
    public async Task TryRegister_PostsTheRegistrationForShutdown_AndReturnsTheIdentifier()
    {
        await using var api = new RecordingHttpServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nlambda-extension-identifier:  8c0f-id \r\nContent-Length: 2\r\n\r\n{}");

        var id = await Task.Run(() => ExtensionsApiCalls.TryRegister(Ipv4Endpoint.Loopback(api.Port), "fis-extension"));

        Assert.Equal("8c0f-id", id);
        var request = Assert.Single(api.Requests);
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
        await using var api = new RecordingHttpServer(answer);

        Assert.Null(await Task.Run(() => ExtensionsApiCalls.TryRegister(Ipv4Endpoint.Loopback(api.Port), "fis-extension")));
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
        await using var api = new RecordingHttpServer("HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n{\"eventType\":\"SHUTDOWN\"}      ");

        Assert.True(await Task.Run(() => ExtensionsApiCalls.WaitForShutdown(Ipv4Endpoint.Loopback(api.Port), "8c0f-id")));
        var request = Assert.Single(api.Requests);
        Assert.StartsWith("GET /2020-01-01/extension/event/next HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Extension-Identifier: 8c0f-id\r\n", request, StringComparison.Ordinal);
    }
}
