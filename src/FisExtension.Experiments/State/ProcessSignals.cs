using System.Runtime.InteropServices;

namespace FisExtension.Experiments.State;

/// <summary>kill(2): whether a recorded fisctl process is alive, and SIGTERM to make it stop writing objects.
/// A pid outlives its process, so a recorded pid counts only while /proc says it still runs fisctl (proc(5)):
/// a crashed fisctl's pid reused by another program is never signalled.</summary>
public static class ProcessSignals
{
    private const int SignalTerminate = 15;

    /// <summary>Signal 0 checks that the process exists without touching it (kill(2)).</summary>
    public static bool IsFisctlAlive(int pid) => pid > 0 && Kill(pid, 0) == 0 && RunsFisctl(pid);

    public static bool Terminate(int pid) => IsFisctlAlive(pid) && Kill(pid, SignalTerminate) == 0;

    private static bool RunsFisctl(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains("fisctl", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
