using System.Text;
using FisExtension.RuntimeApi;

namespace FisExtension.Tests.RuntimeApi;

public sealed class Http1ResponseHeadTests
{
    [Fact(Timeout = 30_000)]
    public async Task Head_IsParsed_AndBodyBytesReadPastItAreKept()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\nX-A: 1\r\n\r\n{\"status\":\"OK\"}"));
        var buffer = new byte[1024];

        var head = await Http1ResponseHead.ReadAsync(stream, buffer, CancellationToken.None);

        Assert.Equal(202, head.StatusCode);
        Assert.Equal("15", head.Header("content-length"));
        Assert.Equal("1", head.Header("X-A"));
        Assert.Equal("{\"status\":\"OK\"}", Encoding.ASCII.GetString(buffer, 0, head.BodyBytesAlreadyRead));
    }

    [Fact(Timeout = 30_000)]
    public async Task InterimContinueHead_IsSkipped_ForTheFinalOne()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nOK"));
        var buffer = new byte[1024];

        var head = await Http1ResponseHead.ReadAsync(stream, buffer, CancellationToken.None);

        Assert.Equal(202, head.StatusCode);
        Assert.Equal("OK", Encoding.ASCII.GetString(buffer, 0, head.BodyBytesAlreadyRead));
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectionClosedBeforeHeadEnds_IsAnIOException()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\n"));
        await Assert.ThrowsAsync<IOException>(() => Http1ResponseHead.ReadAsync(stream, new byte[1024], CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task MalformedStatusLine_IsAnIOException()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("SPDY nonsense\r\n\r\n"));
        await Assert.ThrowsAsync<IOException>(() => Http1ResponseHead.ReadAsync(stream, new byte[1024], CancellationToken.None));
    }
}
