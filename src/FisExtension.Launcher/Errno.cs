using System.Globalization;

namespace FisExtension.Launcher;

/// <summary>The errno values the launcher acts on or explains (Linux, asm-generic/errno-base.h).</summary>
internal static class Errno
{
    public const int Interrupted = 4; // EINTR
    private const int NotExecutableFormat = 8; // ENOEXEC
    private const int PermissionDenied = 13; // EACCES

    /// <summary>Why exec failed, in the words a user can act on.</summary>
    public static string DescribeExecFailure(int errno) => errno switch
    {
        NotExecutableFormat => "not a program for this machine: the layer's architecture must match the function's",
        PermissionDenied => "permission denied: the file must be executable and on a file system that allows it",
        _ => $"errno {errno.ToString(CultureInfo.InvariantCulture)}",
    };
}
