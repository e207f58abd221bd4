using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FisExtension.Emulator.Isolation;

/// <summary>Listening sockets created inside another process's network namespace. setns(2) moves only the calling
/// thread, so a dedicated thread enters, creates the sockets (a socket stays in the namespace it was created in,
/// network_namespaces(7)), and returns before it ends; the rest of the emulator never leaves its own namespace.</summary>
internal static partial class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;
    private const int ReadOnly = 0;
    private const int CloseOnExec = 0x80000;

    /// <summary>Sockets listening on 127.0.0.1:port inside the network namespace of <paramref name="processId"/>.</summary>
    public static IReadOnlyList<Socket> Listen(int processId, IReadOnlyList<int> ports)
    {
        IReadOnlyList<Socket>? sockets = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                sockets = ListenInside(processId, ports);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = "netns-listen" };
        thread.Start();
        thread.Join();
        return sockets ?? throw new IOException($"cannot listen inside the environment's network namespace: {failure?.Message}", failure);
    }

    private static List<Socket> ListenInside(int processId, IReadOnlyList<int> ports)
    {
        var own = OpenNamespace("/proc/thread-self/ns/net");
        var target = -1;
        try
        {
            target = OpenNamespace($"/proc/{processId}/ns/net");
            Enter(target);
            var sockets = new List<Socket>();
            try
            {
                foreach (var port in ports) sockets.Add(LoopbackListener.Open(port));
            }
            catch
            {
                foreach (var socket in sockets) socket.Dispose();
                throw;
            }
            finally
            {
                // Back home before anything else runs on this thread; a thread that cannot return is not reused: it ends here.
                Enter(own);
            }
            return sockets;
        }
        finally
        {
            if (target >= 0) _ = Close(target);
            _ = Close(own);
        }
    }

    private static int OpenNamespace(string path)
    {
        var descriptor = Open(path, ReadOnly | CloseOnExec);
        return descriptor >= 0 ? descriptor : throw new IOException($"cannot open {path}: errno {Marshal.GetLastPInvokeError()}");
    }

    private static void Enter(int descriptor)
    {
        if (SetNamespace(descriptor, CloneNewNet) != 0) throw new IOException($"setns failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int descriptor, int namespaceType);
}
