namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>Compares what a runtime sent through the proxy with what reached the upstream.</summary>
internal static class WireAssert
{
    /// <summary>
    /// Same method and target byte for byte; the same header lines — names and value bytes — with none added and
    /// none removed, in any order (RFC 9110 §5.3: the order of different names carries no meaning); the same body
    /// bytes, framing and trailers. Only <c>Host</c> names the hop and is left out; <c>Connection</c> is compared
    /// unless <paramref name="connectionIsPerHop"/>, for a client whose own <c>Connection</c> concerns only its hop.
    /// </summary>
    public static void ForwardedUnchanged(HttpMessage sent, HttpMessage received, bool connectionIsPerHop = false)
    {
        Assert.Equal(sent.Method, received.Method);
        Assert.True(sent.Target == received.Target, $"target of {sent.Target.Length} bytes arrived as one of {received.Target.Length} bytes");
        var compared = (HttpMessage message) => message.Headers
            .Where(h => !string.Equals(h.Name, "Host", StringComparison.OrdinalIgnoreCase))
            .Where(h => !connectionIsPerHop || !string.Equals(h.Name, "Connection", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Name}: {h.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = compared(sent);
        var actual = compared(received);
        var missing = expected.Except(actual).Select(Shorten).ToList();
        var added = actual.Except(expected).Select(Shorten).ToList();
        Assert.True(missing.Count == 0 && added.Count == 0, $"headers removed or changed: [{string.Join(" | ", missing)}]; added: [{string.Join(" | ", added)}]");
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(sent.IsChunked, received.IsChunked);
        Assert.True(sent.Body.AsSpan().SequenceEqual(received.Body), $"body of {sent.Body.Length} bytes arrived as {received.Body.Length} different bytes");
        Assert.Equal(sent.Trailers.Select(t => t.ToString()), received.Trailers.Select(t => t.ToString()));
    }

    private static string Shorten(string line) => line.Length > 120 ? $"{line[..120]}… ({line.Length} chars)" : line;
}
