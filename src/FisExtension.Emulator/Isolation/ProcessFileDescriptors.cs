using System.Runtime.InteropServices;

namespace FisExtension.Emulator.Isolation;

/// <summary>Copies of another process's file descriptors, taken through a pidfd: pidfd_open(2) and pidfd_getfd(2), Linux
/// 5.6 or later. The caller needs ptrace access to the process (same user, or a user namespace it owns); the copy refers to
/// the same open file, so a listening socket stays in the network namespace it was created in, and is close-on-exec.</summary>
internal sealed partial class ProcessFileDescriptors : IDisposable
{
    // asm-generic/unistd.h: the numbers are the same on x86_64 and arm64, the two platforms Lambda offers. glibc only
    // wraps these calls from 2.36, so they go through syscall(2).
    private const long PidfdOpen = 434;
    private const long PidfdGetfd = 438;

    private readonly int _pidfd;

    private ProcessFileDescriptors(int pidfd)
    {
        _pidfd = pidfd;
    }

    public static ProcessFileDescriptors Of(int processId)
    {
        var pidfd = Syscall(PidfdOpen, processId, 0, 0);
        return pidfd >= 0 ? new ProcessFileDescriptors((int)pidfd) : throw Failure("pidfd_open", processId);
    }

    /// <summary>A new descriptor in this process for the other process's <paramref name="descriptor"/>; the caller owns it.</summary>
    public int Copy(int descriptor)
    {
        var copy = Syscall(PidfdGetfd, _pidfd, descriptor, 0);
        return copy >= 0 ? (int)copy : throw Failure("pidfd_getfd", descriptor);
    }

    public void Dispose() => _ = Close(_pidfd);

    private static IOException Failure(string call, long argument)
    {
        var errno = Marshal.GetLastPInvokeError();
        const int NoSuchCall = 38; // ENOSYS
        return new IOException(errno == NoSuchCall
            ? $"{call} is not available (Linux before 5.6, or a seccomp filter that blocks it); isolation without root needs it"
            : $"{call}({argument}) failed: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, long first, long second, long third);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
