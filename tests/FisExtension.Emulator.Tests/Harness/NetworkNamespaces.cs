namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The network namespaces processes hold now, as /proc/&lt;pid&gt;/ns/net names them (<c>net:[4026532…]</c>).</summary>
internal static class NetworkNamespaces
{
    public static string Of(string process) => new FileInfo($"/proc/{process}/ns/net").LinkTarget ?? "";

    public static HashSet<string> Live()
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var process in Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)))
        {
            try
            {
                if (Of(process!) is { Length: > 0 } id) namespaces.Add(id);
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
