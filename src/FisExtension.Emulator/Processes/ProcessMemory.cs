using System.Globalization;

namespace FisExtension.Emulator.Processes;

/// <summary>Peak resident memory of process groups, read from /proc.</summary>
internal static class ProcessMemory
{
    /// <summary>Sum of VmHWM (peak RSS; VmRSS when absent) in kB of every live process in the given groups.</summary>
    public static long PeakKilobytes(IReadOnlyCollection<int> processGroupIds)
    {
        long total = 0;
        if (processGroupIds.Count == 0) return total;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            try
            {
                if (ProcessGroupOf(directory) is { } group && processGroupIds.Contains(group))
                    total += PeakOf(directory);
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }
        return total;
    }

    private static int? ProcessGroupOf(string directory)
    {
        var stat = File.ReadAllText(Path.Combine(directory, "stat"));
        // The command name (field 2) may contain spaces and parentheses; fields after the last ')' are safe to split.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], CultureInfo.InvariantCulture);
    }

    private static long PeakOf(string directory)
    {
        long rss = 0;
        foreach (var line in File.ReadLines(Path.Combine(directory, "status")))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return Kilobytes(line);
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
        }
        return rss;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
