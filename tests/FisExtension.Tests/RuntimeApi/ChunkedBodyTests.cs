using System.Text;
using FisExtension.RuntimeApi;

namespace FisExtension.Tests.RuntimeApi;

public sealed class ChunkedBodyTests
{
    [Fact(Timeout = 30_000)]
    public async Task ChunkedBody_IsDecodedToItsBytes_DroppingExtensionsAndTrailers()
    {
        var wire = Encoding.ASCII.GetBytes("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\nNEXT");
        using var source = new MemoryStream(wire);
        using var destination = new MemoryStream();

        await ChunkedBody.CopyDecodedAsync(source, destination, CancellationToken.None);

        Assert.Equal("hello, world", Encoding.ASCII.GetString(destination.ToArray()));
        Assert.Equal("NEXT".Length, source.Length - source.Position);
    }

    [Fact(Timeout = 30_000)]
    public async Task TruncatedChunk_IsAnIOException()
    {
        using var source = new MemoryStream(Encoding.ASCII.GetBytes("a\r\nshort"));
        await Assert.ThrowsAsync<IOException>(() => ChunkedBody.CopyDecodedAsync(source, Stream.Null, CancellationToken.None));
    }
}
