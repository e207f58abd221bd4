using System.Globalization;

namespace FisExtension.Emulator.Isolation;

/// <summary>Whether this machine lets the emulator create network and mount namespaces and enter them.</summary>
internal static class NamespaceSupport
{
    // capabilities(7): CAP_SYS_ADMIN is bit 21; setns(2) into a network namespace and mount(2) both need it.
    private const int CapSysAdmin = 21;

    /// <summary>Null when namespaces can be used; otherwise what is missing, as a sentence.</summary>
    public static string? Missing()
    {
        if (!OperatingSystem.IsLinux()) return "namespaces exist on Linux only";
        if (!HasSysAdmin())
            return "the emulator lacks CAP_SYS_ADMIN (run it as root, or with sudo; unprivileged user namespaces are not used)";
        var absent = SandboxPaths.Tools.Where(tool => FindOnPath(tool) is null).ToList();
        if (absent.Count > 0) return $"{string.Join(", ", absent)} not found on PATH (install util-linux and iproute2)";
        if (!Directory.Exists(SandboxPaths.Opt)) return $"{SandboxPaths.Opt} does not exist to mount the layers on (create it: mkdir {SandboxPaths.Opt})";
        return null;
    }

    private static bool HasSysAdmin()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var effective)
                && (effective & (1UL << CapSysAdmin)) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
