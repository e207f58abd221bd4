using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace FisExtension.Benchmarks;

/// <summary>
/// When a proxy that has registered first answers a request: what a runtime started right after registration waits
/// for before its first <c>/next</c> is served. Sent as the wrapper's probe (<c>GET /aws-fis/ready</c>), which
/// fis-extension answers itself and the Rust reference forwards to its fake API; any answer counts.
/// </summary>
internal static class ProxyProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly byte[] Request = Encoding.ASCII.GetBytes($"GET {RuntimeApiPaths.ProxyReady} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the first bytes of the answer arrived.</summary>
    public static async Task<long> FirstAnswerAsync(string proxyAddress)
    {
        var (host, port) = (proxyAddress[..proxyAddress.LastIndexOf(':')], int.Parse(proxyAddress[(proxyAddress.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var deadline = Stopwatch.GetTimestamp() + (long)(Patience.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // A proxy that registers before it listens refuses at first: try again until it listens.
                await socket.ConnectAsync(host, port);
                await socket.SendAsync(Request);
                var buffer = new byte[1];
                if (await socket.ReceiveAsync(buffer) == 1)
                {
                    return Stopwatch.GetTimestamp();
                }
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < deadline)
            {
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                throw new TimeoutException($"nothing answered through {proxyAddress} within {Patience.TotalSeconds} s");
            }

            await Task.Delay(1);
        }
    }
}
