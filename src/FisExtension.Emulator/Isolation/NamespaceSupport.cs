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

    private static readonly TimeSpan ProbeBudget = TimeSpan.FromSeconds(10);

    // Tried once per process: a whole environment's namespaces, made and ended, answer it.
    private static readonly Lazy<string?> UserNamespaceAnswer = new(UserNamespaceProblem);

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
        return IsPrivileged() ? null : UserNamespaceAnswer.Value;
    }

    private static string? UserNamespaceProblem()
    {
        var who = ProcessIdentity.IsRoot
            ? "the emulator runs as root without CAP_SYS_ADMIN (a container started without it?)"
            : "the emulator is not root";
        var fix = ProcessIdentity.IsRoot
            ? "give it CAP_SYS_ADMIN, or run it as a user other than root where unprivileged user namespaces are allowed"
            : "run it as root, or allow unprivileged user namespaces (sysctl user.max_user_namespaces above 0; " +
              "kernel.unprivileged_userns_clone=1 where it exists; kernel.apparmor_restrict_unprivileged_userns=0 on Ubuntu 23.10 and later)";
        if (Environment.OSVersion.Version < UnprivilegedKernel)
            return $"{who}, and isolating without it needs Linux {UnprivilegedKernel} or later (this is {Environment.OSVersion.Version}); {fix}";
        var reason = Probe();
        return reason is null ? null : $"{who}, and could not isolate in a user namespace of its own ({reason}); {fix}";
    }

    /// <summary>One environment's namespaces, made and ended as a real one is, with the temporary folder (where layers are
    /// merged) mounted at /opt; null when that worked, else what failed.</summary>
    private static string? Probe()
    {
        using var budget = new CancellationTokenSource(ProbeBudget);
        try
        {
            // Off any synchronization context the caller runs on (a test's, for instance).
            Task.Run(async () =>
            {
                var sandbox = await Sandbox.StartAsync(Path.GetTempPath(), SandboxPaths.RuntimeApiPort, [], _ => { }, budget.Token).ConfigureAwait(false);
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }).GetAwaiter().GetResult();
            return null;
        }
        catch (SandboxException e)
        {
            return e.Message;
        }
        catch (OperationCanceledException)
        {
            return $"no environment was ready within {ProbeBudget.TotalSeconds:0} s";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
