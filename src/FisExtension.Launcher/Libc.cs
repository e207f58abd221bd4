using System.Runtime.InteropServices;

namespace FisExtension.Launcher;

/// <summary>The few libc calls the launcher needs (linked directly: DirectPInvoke in the project).</summary>
internal static unsafe partial class Libc
{
    public const int AfInet = 2;
    public const int SockStream = 1;
    public const int SolSocket = 1;
    public const int SoReuseAddr = 2;
    public const int XOk = 1;
    public const int FDupFd = 0;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(int fd, int level, int name, int* value, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(int fd, SocketAddressIn* address, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int listen(int fd, int backlog);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int connect(int fd, SocketAddressIn* address, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc")]
    public static partial int close(int fd);

    // Variadic in C; its one int argument travels as a fixed one would on x86_64 (System V) and arm64 Linux (AAPCS64).
    [LibraryImport("libc", SetLastError = true)]
    public static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int access(byte* path, int mode);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setenv(byte* name, byte* value, int overwrite);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int unsetenv(byte* name);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int execv(byte* path, byte** argv);

    /// <summary>struct sockaddr_in: family, port and address in network byte order, eight bytes of zeros.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SocketAddressIn
    {
        public ushort Family;
        public ushort Port;
        public uint Address;
        public ulong Zero;
    }
}
