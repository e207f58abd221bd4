namespace FisExtension.RuntimeApi;

/// <summary>
/// Headers the proxy does not copy where it writes HTTP itself (YARP applies the same rule on its own paths):
/// hop-by-hop headers (RFC 9110 §7.6.1), the framing it sets itself, and <c>Expect</c>, which Kestrel already
/// answered — forwarded, it would make the upstream send a <c>100 Continue</c> too.
/// </summary>
internal static class HeadersNotForwarded
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "TE", "Upgrade", "Proxy-Connection", "Expect",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
