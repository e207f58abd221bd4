namespace FisExtension.Launcher;

/// <summary>The errno values the launcher acts on (Linux, asm-generic/errno-base.h).</summary>
internal static class Errno
{
    public const int Interrupted = 4; // EINTR
}
