using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FisExtension.Launcher;

namespace FisExtension.Platform;

/// <summary>
/// What the launcher (the layer's <c>extensions/fis-extension</c>) did before it exec'd this process: the proxy's
/// listening socket it bound, and the identifier Lambda answered its registration with. Either may be missing, and
/// then this process does that step itself, as it does when started directly.
/// </summary>
internal sealed record LauncherHandoff(Socket? Listener, string? ExtensionId)
{
    public static LauncherHandoff None { get; } = new(null, null);

    /// <summary>Reads and clears the handoff variables; a descriptor that is not our listening socket is ignored.</summary>
    public static LauncherHandoff Take(Func<string, string?> getEnvironmentVariable, Action<string, string?> setEnvironmentVariable, int listenerPort)
    {
        var extensionId = getEnvironmentVariable(LaunchEnvironment.ExtensionId);
        var descriptor = getEnvironmentVariable(LaunchEnvironment.ListenerDescriptor);
        setEnvironmentVariable(LaunchEnvironment.ExtensionId, null);
        setEnvironmentVariable(LaunchEnvironment.ListenerDescriptor, null);
        return new LauncherHandoff(AdoptListener(descriptor, listenerPort), string.IsNullOrEmpty(extensionId) ? null : extensionId);
    }

    private static Socket? AdoptListener(string? descriptor, int listenerPort)
    {
        if (!int.TryParse(descriptor, NumberStyles.None, CultureInfo.InvariantCulture, out var fd) || fd < LaunchEnvironment.LowestHandedDescriptor)
        {
            return null;
        }

        // Disposed on every path that does not hand the socket on: a handle left to the finalizer would close the
        // number later, when it may belong to another socket of ours.
        var handle = new SafeSocketHandle(fd, ownsHandle: true);
        try
        {
            var socket = new Socket(handle);
            if (socket.LocalEndPoint is IPEndPoint { Port: var port } local && port == listenerPort && local.Address.Equals(IPAddress.Loopback)
                && socket.SocketType == SocketType.Stream
                && (int?)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection) == 1)
            {
                return socket;
            }
        }
        catch (SocketException)
        {
            // Not a socket: the extension binds the port itself.
        }

        handle.Dispose();
        return null;
    }
}
