using System.Runtime.InteropServices;

namespace FisExtension.Emulator.Processes;

/// <summary>kill(2) on process groups. Each function process leads its own group (started through setsid), so one
/// signal reaches its children too.</summary>
internal static partial class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Signals every process of the group; false when the group no longer exists.</summary>
    public static bool SendToGroup(int processGroupId, int signal) => Kill(-processGroupId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
