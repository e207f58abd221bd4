extern alias launcher;
using launcher::FisExtension.Launcher;

namespace FisExtension.Tests.Launcher;

public sealed class HttpExchangeTests
{
    private const string Head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nlambda-extension-identifier: \t8c0f-id \r\nX-Empty:\r\nContent-Length: 2";

    [Theory]
    [InlineData(Head, 200)]
    [InlineData("HTTP/1.0 403 Forbidden", 403)]
    [InlineData("HTTP/1.1 500", 500)]
    [InlineData("HTTP/2 200 OK", 0)]
    [InlineData("HTTP/1.1 2x0 OK", 0)]
    [InlineData("garbage", 0)]
    [InlineData("", 0)]
    public void StatusCode_ReadsTheStatusLine(string head, int code) => Assert.Equal(code, HttpExchange.StatusCode(head));

    [Theory]
    [InlineData("Lambda-Extension-Identifier", "8c0f-id")]
    [InlineData("CONTENT-LENGTH", "2")]
    [InlineData("X-Empty", "")]
    [InlineData("Lambda-Extension-Name", null)]
    [InlineData("HTTP/1.1 200 OK", null)]
    public void Header_FindsAnyCaseAndTrimsTheValue(string name, string? value) => Assert.Equal(value, HttpExchange.Header(Head, name));
}
