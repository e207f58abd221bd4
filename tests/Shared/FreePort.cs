using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FisExtension.Tests.Shared;

/// <summary>
/// A loopback port that nothing listens on, for a process the test starts to bind later. The ports come from below
/// the kernel's ephemeral range (<c>ip_local_port_range</c>): a port the kernel hands out for <c>bind(0)</c> or an
/// outbound connection's source could be taken between this check and the later bind. Each test process starts its
/// walk at a place of its own, so the test assemblies that run side by side do not walk the same ports.
/// </summary>
internal static class FreePort
{
    private static readonly (int First, int Count) Range = BelowTheEphemeralRange();
    private static int _walked = Environment.ProcessId * 769 % Range.Count;

    public static int Next()
    {
        for (var tried = 0; tried < Range.Count; tried++)
        {
            var port = Range.First + (int)((uint)Interlocked.Increment(ref _walked) % (uint)Range.Count);
            if (NothingListensOn(port)) return port;
        }
        throw new InvalidOperationException($"no free loopback port between {Range.First} and {Range.First + Range.Count - 1}");
    }

    private static bool NothingListensOn(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The lower half of the ports below the ephemeral range's first (16384–32767 with Linux's default 32768).</summary>
    private static (int First, int Count) BelowTheEphemeralRange()
    {
        var ephemeralFirst = 32768;
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            ephemeralFirst = int.Parse(text[0], CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or no procfs: Linux's default.
        }
        var first = Math.Max(1024, ephemeralFirst / 2);
        return (first, Math.Max(1, ephemeralFirst - first));
    }
}
