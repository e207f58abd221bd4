using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>
/// CPU time of a process's live threads so far, in nanoseconds from <c>/proc/&lt;pid&gt;/task/*/schedstat</c> (its
/// first field: time spent on the CPU; Documentation/scheduler/sched-stats.rst). Fine enough for a start-up of a
/// few milliseconds, where <c>/proc/&lt;pid&gt;/stat</c>'s 10 ms ticks are not.
/// </summary>
internal static class ThreadRunTime
{
    public static double Milliseconds(int processId)
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                nanoseconds += long.Parse(fields[0], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread exited while being read.
            }
        }

        return nanoseconds / 1_000_000.0;
    }
}
