using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>
/// CPU time and context switches of one process so far, from <c>/proc</c>: user and system time of the whole thread
/// group (<c>/proc/&lt;pid&gt;/stat</c>, in clock ticks of 10 ms — Linux's USER_HZ is 100), and the voluntary and
/// involuntary context switches of each of its live threads (<c>/proc/&lt;pid&gt;/task/*/status</c>). The split says
/// where a proxy's CPU goes: system time is the kernel's socket work (copies, TCP), user time the proxy's own code.
/// </summary>
internal sealed record ProcessCounters(double UserMilliseconds, double SystemMilliseconds, long ContextSwitches)
{
    public double CpuMilliseconds => UserMilliseconds + SystemMilliseconds;

    private const double MillisecondsPerTick = 10;

    public static ProcessCounters Read(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");

        // Fields after the command name, which may hold spaces: [0] is field 3 (state), so utime (14) is [11].
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var userTicks = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var systemTicks = long.Parse(fields[12], CultureInfo.InvariantCulture);
        long switches = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        switches += long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                // The thread exited while being read.
            }
        }

        return new ProcessCounters(userTicks * MillisecondsPerTick, systemTicks * MillisecondsPerTick, switches);
    }

    public static ProcessCounters operator -(ProcessCounters after, ProcessCounters before) =>
        new(after.UserMilliseconds - before.UserMilliseconds, after.SystemMilliseconds - before.SystemMilliseconds, after.ContextSwitches - before.ContextSwitches);
}
