namespace FisExtension.Launcher;

/// <summary>
/// The proxy's listening socket on 127.0.0.1, bound before registering: Lambda starts the runtime once every extension
/// has registered, and a listening socket queues the runtime's connection until the extension accepts it. The
/// descriptor is inherited across exec (no close-on-exec).
/// </summary>
internal static unsafe class ListeningSocket
{
    // Far more than the runtimes and probes that can connect while the extension starts (as in ProxyListener).
    private const int Backlog = 512;

    /// <summary>The descriptor, or -1 when the port cannot be taken; the extension then tries and says why.</summary>
    public static int TryBind(ushort port)
    {
        var fd = AboveTheStandardStreams(Libc.socket(Libc.AfInet, Libc.SockStream, 0));
        if (fd < 0)
        {
            return -1;
        }

        // As .NET's Socket does on Linux: a port left in TIME_WAIT by an earlier process can be bound again.
        var one = 1;
        var address = Ipv4Endpoint.Loopback(port).ToSocketAddress();
        if (Libc.setsockopt(fd, Libc.SolSocket, Libc.SoReuseAddr, &one, sizeof(int)) != 0
            || Libc.bind(fd, &address, (uint)sizeof(Libc.SocketAddressIn)) != 0
            || Libc.listen(fd, Backlog) != 0)
        {
            Libc.close(fd);
            return -1;
        }

        return fd;
    }

    /// <summary>
    /// The descriptor moved to 3 or above when it took the number of a standard stream left closed: the extension does
    /// not adopt 0 to 2, and would then find the port taken by a socket nobody accepts on.
    /// </summary>
    private static int AboveTheStandardStreams(int fd)
    {
        if (fd < 0 || fd >= LaunchEnvironment.LowestHandedDescriptor)
        {
            return fd;
        }

        var moved = Libc.fcntl(fd, Libc.FDupFd, LaunchEnvironment.LowestHandedDescriptor);
        Libc.close(fd);
        return moved;
    }

    /// <summary>Releases the port (a descriptor of -1 is none).</summary>
    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            Libc.close(fd);
        }
    }
}
