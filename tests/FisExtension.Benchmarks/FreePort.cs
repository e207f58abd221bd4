using System.Net;
using System.Net.Sockets;

namespace FisExtension.Benchmarks;

/// <summary>Asks the kernel for a loopback port nobody is using, for the extension's proxy listener.</summary>
internal static class FreePort
{
    public static int Find()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
