using System.Globalization;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The network namespaces processes hold now, as /proc/&lt;pid&gt;/ns/net names them (<c>net:[4026532…]</c>).
/// The kernel gives a new namespace the lowest free number, so a namespace made by a test running beside, just after
/// one of ours went, carries the same name at once. What tells them apart is when their processes started: a process
/// still holding ours started before it was stopped; one in a namespace made later, after. So the time to compare
/// with is taken while ours is still alive, before its number can be given again.</summary>
internal static class NetworkNamespaces
{
    public static string Of(string process) => new FileInfo($"/proc/{process}/ns/net").LinkTarget ?? "";

    /// <summary>Now, in the clock ticks since boot that /proc/&lt;pid&gt;/stat gives a process's start in (proc(5):
    /// starttime; /proc/uptime in seconds to two decimals, USER_HZ being 100).</summary>
    public static long Now() =>
        (long)(decimal.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture) * 100);

    /// <summary>The namespaces held by processes that started before <paramref name="startedBefore"/> (a <see cref="Now"/>).</summary>
    public static HashSet<string> Live(long startedBefore = long.MaxValue)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in ProcessStat.All().Where(p => p.Start < startedBefore))
        {
            try
            {
                if (Of(process.Id.ToString(CultureInfo.InvariantCulture)) is { Length: > 0 } id) namespaces.Add(id);
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return namespaces;
    }
}
