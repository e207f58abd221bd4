extern alias launcher;
using launcher::FisExtension.Launcher;

namespace FisExtension.Tests.Launcher;

public sealed class Ipv4EndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:9001", 0x7F000001u, 9001)]
    [InlineData("169.254.100.1:9001", 0xA9FE6401u, 9001)]
    [InlineData("10.0.0.255:65535", 0x0A0000FFu, 65535)]
    [InlineData("0.0.0.0:1", 0u, 1)]
    public void TryParse_ReadsThePlainForm(string text, uint address, int port)
    {
        var endpoint = Ipv4Endpoint.TryParse(text);

        Assert.Equal(new Ipv4Endpoint(address, (ushort)port), endpoint);
        Assert.Equal(text, endpoint!.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("localhost:9001")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:+80")]
    [InlineData("127.0.0.1: 80")]
    [InlineData(" 127.0.0.1:80")]
    [InlineData("1.2.3.4.5:80")]
    [InlineData("1.2.3:80")]
    [InlineData("1..2.3:80")]
    [InlineData("256.0.0.1:80")]
    [InlineData("0127.0.0.1:80")]
    [InlineData("127.0.0.010:80")]
    [InlineData("00.0.0.1:80")]
    [InlineData("[::1]:9001")]
    public void TryParse_LeavesEverythingElseToTheExtension(string? text) => Assert.Null(Ipv4Endpoint.TryParse(text));

    [Fact]
    public void SocketAddress_IsInNetworkByteOrder()
    {
        var address = new Ipv4Endpoint(0x7F000001, 9001).ToSocketAddress();

        Assert.Equal(2, address.Family);
        Assert.Equal(0x2923, address.Port); // 9001 = 0x2329, bytes 23 29 on the wire
        Assert.Equal(0x0100007Fu, address.Address);
        Assert.Equal(0ul, address.Zero);
    }
}
