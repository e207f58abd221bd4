using System.Net;
using System.Net.Sockets;
using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>
/// The proxy's listening socket, bound before registration. Lambda starts the runtime as soon as every extension has
/// registered, so the port must be taken by then; but a listening socket already accepts connections into its
/// backlog, so Kestrel can take it over after registration without a runtime ever being refused. Building the web
/// host (about half the start-up time) is then no longer added to every cold start.
/// </summary>
internal static class ProxyListener
{
    // Far more than the runtimes and probes that can connect while Kestrel starts.
    private const int Backlog = 512;

    /// <summary>The bound, listening socket on 127.0.0.1, or null when the port cannot be taken (fail open).</summary>
    public static Socket? TryBind(int port, ILogger logger)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(Backlog);
            return socket;
        }
        catch (SocketException exception)
        {
            // Port taken, not permitted, address missing: must not crash the extension during init, which would fail
            // the function's init. Without the proxy the wrapper leaves the runtime on the original endpoint.
            socket.Dispose();
            Log.ListenFailed(logger, $"127.0.0.1:{port}", $"{exception.GetType().Name}: {exception.Message}");
            return null;
        }
    }
}
