using System.Text;
using FisExtension.Emulator;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>The official Node.js client (aws-lambda-ric) through the proxy reaches Lambda exactly as it does without it.</summary>
public sealed class NodeRuntimeWireTests
{
    // The emulator, like Kestrel, accepts 32 KiB of request headers; the X-Ray cause carries the message once.
    private const int MessageBytes = 24 * 1024;

    [Fact(Timeout = 90_000)]
    public async Task HandlerThrowingALongNonAsciiMessage_ItsErrorReachesLambdaAsWithoutTheExtension()
    {
        var message = new StringBuilder();
        while (Encoding.UTF8.GetByteCount(message.ToString()) < MessageBytes)
        {
            message.Append("Benutzer nicht gefunden: Müller — ユーザーが見つかりません; ");
        }

        var payload = Json.Event(("action", "error"), ("errorType", "UserNotFoundError"), ("errorMessage", message.ToString()));

        var (bare, _) = await InvokeOnceAsync(withExtension: false, payload);
        var (proxied, wentThroughTheProxy) = await InvokeOnceAsync(withExtension: true, payload);

        Assert.Equal("Unhandled", bare.FunctionError);
        Assert.Equal("Unhandled", proxied.FunctionError);
        Assert.Equal(message.ToString(), Json.String(proxied.Payload, "errorMessage"));
        Assert.Equal(bare.Payload, proxied.Payload);
        Assert.True(wentThroughTheProxy, "the runtime's calls went through the proxy");
        var cause = proxied.ResultRequestHeaders["Lambda-Runtime-Function-XRay-Error-Cause"];
        Assert.Contains(message.ToString(), cause, StringComparison.Ordinal);
        Assert.Equal(Comparable(bare.ResultRequestHeaders), Comparable(proxied.ResultRequestHeaders));
    }

    /// <summary>
    /// One invocation, with or without the layer. With it, a zero-millisecond delay fault makes the proxy name the
    /// invocation in its log: proof that the runtime was pointed at the proxy and not left on Lambda's endpoint.
    /// </summary>
    private static async Task<(InvocationResult Result, bool WentThroughTheProxy)> InvokeOnceAsync(bool withExtension, byte[] payload)
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPwire1", "mark-proxied", FaultObjectWriter.AddDelay, new Dictionary<string, object> { ["startupDelayMilliseconds"] = "0" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Node(faults) with { WithExtension = withExtension });
        var result = await harness.Emulator.InvokeAsync(payload);
        var proxied = withExtension && await harness.ExtensionLoggedAsync($"latency to function invocation (experiment EXPwire1, action mark-proxied) (requestId {result.RequestId})");
        return (result, proxied);
    }

    /// <summary>Every header but <c>Host</c>, which names the hop.</summary>
    private static List<string> Comparable(IReadOnlyDictionary<string, string> headers) => headers
        .Where(h => !string.Equals(h.Key, "Host", StringComparison.OrdinalIgnoreCase))
        .Select(h => $"{h.Key}: {h.Value}")
        .Order(StringComparer.Ordinal)
        .ToList();
}
