using System.Globalization;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>A process's state, process group and start (in clock ticks since boot) from /proc/&lt;pid&gt;/stat (proc(5): fields
/// 3, 5 and 22, counted after the command name's closing parenthesis, since the name may hold spaces and parentheses).</summary>
internal sealed record ProcessStat(int Id, char State, int Group, long Start)
{
    /// <summary>Null when the process is gone (or went while being read).</summary>
    public static ProcessStat? Read(string processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcessStat(int.Parse(processId, CultureInfo.InvariantCulture), fields[0][0],
                int.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public static IEnumerable<ProcessStat> All() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
            .Select(n => Read(n!)).OfType<ProcessStat>();
}
