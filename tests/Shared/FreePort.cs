using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FisExtension.Tests.Shared;

/// <summary>
/// A loopback port that nothing listens on, for a process the test starts to bind later. The ports come from outside
/// the kernel's ephemeral range (<c>ip_local_port_range</c>): a port the kernel hands out for <c>bind(0)</c> or an
/// outbound connection's source could be taken between this check and the later bind. Each test process starts its
/// walk at a place of its own, so the test assemblies that run side by side do not walk the same ports.
/// </summary>
internal static class FreePort
{
    private static readonly (int First, int Count) Range = OutsideTheEphemeralRange();
    private static int _walked = (int)((uint)Environment.ProcessId * 769u % (uint)Range.Count);

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

    /// <summary>
    /// The lower half of the ports below the ephemeral range (16384–32767 with Linux's default 32768–60999), or the
    /// ports above it when too few lie below.
    /// </summary>
    private static (int First, int Count) OutsideTheEphemeralRange()
    {
        var (ephemeralFirst, ephemeralLast) = (32768, 60999);
        try
        {
            var bounds = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            (ephemeralFirst, ephemeralLast) = (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[1], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // Not Linux, or no procfs: Linux's default.
        }
        const int Enough = 1000;
        var below = (First: Math.Max(1024, ephemeralFirst / 2), Last: ephemeralFirst - 1);
        if (below.Last - below.First + 1 >= Enough) return (below.First, below.Last - below.First + 1);
        if (65535 - ephemeralLast >= Enough) return (ephemeralLast + 1, 65535 - ephemeralLast);
        throw new InvalidOperationException(
            $"the kernel's ephemeral ports ({ephemeralFirst}-{ephemeralLast}) leave fewer than {Enough} ports free of them: narrow ip_local_port_range");
    }
}
