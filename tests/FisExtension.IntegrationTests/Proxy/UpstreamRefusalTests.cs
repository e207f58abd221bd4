using FisExtension.IntegrationTests.Harness.Wire;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>An upstream that stops reading a result midway must cost the runtime that one request, not its connection.</summary>
public sealed class UpstreamRefusalTests
{
    private const int Mebibyte = 1024 * 1024;

    [Fact(Timeout = 60_000)]
    public async Task UpstreamThatResetsMidBody_AnswersThatResult502_AndTheRuntimesConnectionCarriesTheNextRequest()
    {
        await using var proxy = await ProxyInFrontOfRecorder.StartAsync();
        proxy.Upstream.RefuseBodiesOver = Mebibyte;
        using var connection = await WireConnection.OpenAsync(proxy.ProxyAddress);
        var large = Result(proxy.ProxyAddress, "request-1", new byte[4 * Mebibyte]);
        var small = Result(proxy.ProxyAddress, "request-2", "{}"u8.ToArray());

        var refused = await connection.SendAsync(large);
        var next = await connection.SendAsync(small);

        // The upstream's own answer when the proxy read it before the reset, else the proxy's 502.
        Assert.Contains(refused.StatusCode, new[] { 413, 502 });
        Assert.Equal(202, next.StatusCode);
        WireAssert.ForwardedUnchanged(small, await proxy.Upstream.ReceivedAsync(2));
        Assert.Equal($"{4 * Mebibyte}", (await proxy.Upstream.ReceivedAsync(1)).Header("Content-Length"));
    }

    private static HttpMessage Result(string host, string requestId, byte[] body) => new(
        $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1",
        [new("Host", host), new("Content-Type", "application/json"), new("Content-Length", $"{body.Length}")],
        body,
        []);
}
