using System.Diagnostics;
using System.Globalization;

namespace FisExtension.Emulator.Isolation;

/// <summary>Whether this machine lets the emulator create network and mount namespaces and enter them: as root, or,
/// without root, inside a user namespace of its own.</summary>
internal static class NamespaceSupport
{
    // capabilities(7): CAP_SYS_ADMIN is bit 21; setns(2) into a network namespace and mount(2) both need it.
    private const int CapSysAdmin = 21;

    // pidfd_getfd(2), which hands the sockets made inside a user namespace to the emulator, came with Linux 5.6.
    private static readonly Version UnprivilegedKernel = new(5, 6);

    // What the holder does without root, tried once: a user namespace of its own, lo up, a read-only bind mount.
    private const string Probe = "ip link set lo up && mount --bind -o ro /opt /opt";

    private static readonly TimeSpan ProbeBudget = TimeSpan.FromSeconds(10);

    /// <summary>Whether the emulator has CAP_SYS_ADMIN itself, so no user namespace is needed.</summary>
    public static bool IsPrivileged()
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

    /// <summary>Null when namespaces can be used; otherwise what is missing, as a sentence.</summary>
    public static string? Missing()
    {
        if (!OperatingSystem.IsLinux()) return "namespaces exist on Linux only";
        var absent = SandboxPaths.Tools.Where(tool => FindOnPath(tool) is null).ToList();
        if (absent.Count > 0) return $"{string.Join(", ", absent)} not found on PATH (install util-linux and iproute2)";
        if (!Directory.Exists(SandboxPaths.Opt)) return $"{SandboxPaths.Opt} does not exist to mount the layers on (create it: mkdir {SandboxPaths.Opt})";
        return IsPrivileged() ? null : UserNamespaceProblem();
    }

    private static string? UserNamespaceProblem()
    {
        if (Environment.OSVersion.Version < UnprivilegedKernel)
            return $"the emulator is not root, and without root isolation needs Linux {UnprivilegedKernel} or later (this is {Environment.OSVersion.Version}); run it as root";
        var start = new ProcessStartInfo("unshare") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])[.. Sandbox.UserNamespaceOptions, "--net", "--mount", "--propagation", "private", "--", "sh", "-c", Probe])
            start.ArgumentList.Add(argument);
        using var probe = Process.Start(start);
        if (probe is null) return "unshare did not start";
        var error = probe.StandardError.ReadToEndAsync();
        if (!probe.WaitForExit(ProbeBudget))
        {
            probe.Kill();
            return "the emulator is not root, and unshare did not create a user namespace within 10 s; run it as root";
        }
        if (probe.ExitCode == 0) return null;
        return $"the emulator is not root, and this machine does not let it create a user namespace to isolate in ({error.Result.Trim().ReplaceLineEndings(" ")}); " +
            "run it as root, or allow unprivileged user namespaces (sysctl user.max_user_namespaces above 0; kernel.unprivileged_userns_clone=1 where it exists; " +
            "kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 23.10 and later; util-linux 2.38 or later for unshare --map-current-user)";
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
