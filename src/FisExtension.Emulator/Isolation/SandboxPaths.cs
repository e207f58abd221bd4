namespace FisExtension.Emulator.Isolation;

/// <summary>What a process inside an isolated environment sees, as on Lambda ("Lambda execution environment",
/// Lambda developer guide: the Runtime API on 127.0.0.1:9001, layers extracted into /opt).</summary>
internal static class SandboxPaths
{
    public const string Opt = "/opt";

    public const int RuntimeApiPort = 9001;

    public const string Loopback = "127.0.0.1";

    public static readonly string RuntimeApiAddress = $"{Loopback}:{RuntimeApiPort}";

    /// <summary>util-linux and iproute2 programs the namespaces are made and entered with.</summary>
    public static readonly string[] Tools = ["unshare", "nsenter", "mount", "ip", "setsid"];
}
