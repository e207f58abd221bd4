using System.Net;
using System.Net.Sockets;

namespace FisExtension.Emulator.Isolation;

/// <summary>A TCP socket listening on 127.0.0.1 of the network namespace of the thread that creates it.</summary>
internal static class LoopbackListener
{
    private const int Backlog = 512;

    public static Socket Open(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(Backlog);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
