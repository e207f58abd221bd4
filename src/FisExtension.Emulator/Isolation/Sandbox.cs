using System.Diagnostics;

namespace FisExtension.Emulator.Isolation;

/// <summary>One execution environment's namespaces, as on Lambda: its own network, loopback up, the Runtime API on
/// 127.0.0.1:9001 and the listed host ports relayed in; its own mounts, the merged layers read-only at /opt and the rest
/// of the file system as it is. A holder process keeps the namespaces alive; function processes join them with nsenter.
/// The holder waits on a pipe from the emulator, so the namespaces go away with the emulator even when it is killed.
/// Without root the holder first makes a user namespace mapping only the emulator's own user (user_namespaces(7)), which
/// gives it the capabilities to mount and bring lo up there, and the processes join that user namespace too.</summary>
internal sealed class Sandbox : IAsyncDisposable
{
    // $1: the layers folder, empty for none. $2: "map" to wait until the emulator has written the user namespace's maps.
    // $3: the lowest port below 1024 to relay, empty for none. unshare(1) execs the shell in place: the holder's PID is
    // the one started. nosuid,nodev: a bind mount in a user namespace must keep the flags its source is locked with
    // (mount_namespaces(7)), e.g. a layer merged under a tmpfs /tmp; as root they change nothing a layer needs.
    private const string HolderScript =
        "if [ -n \"$2\" ]; then echo " + Mapping + "; read -r _ || exit 1; fi; ip link set lo up || exit 1; " +
        "if [ -n \"$3\" ]; then echo \"$3\" > /proc/sys/net/ipv4/ip_unprivileged_port_start || exit 1; fi; " +
        "if [ -n \"$1\" ]; then mount --bind -o ro,nosuid,nodev \"$1\" /opt || exit 1; fi; echo " + Ready + "; read -r _ || true";

    private const string Mapping = "mapping";
    private const string Ready = "ready";

    // Without root, a port below 1024 is bindable in the environment's network only once its threshold is lowered
    // (ip_unprivileged_port_start, ip-sysctl.rst), which the holder may do there.
    private const int FirstUnprivilegedPort = 1024;

    private readonly Process _holder;
    private readonly bool _ownUserNamespace;
    private readonly List<TcpRelay> _relays = [];

    private Sandbox(Process holder, bool ownUserNamespace)
    {
        _holder = holder;
        _ownUserNamespace = ownUserNamespace;
    }

    /// <summary>The process whose namespaces the environment's processes join.</summary>
    public int HolderProcessId => _holder.Id;

    /// <summary>Starts the namespaces, mounts the layers and opens the relays; cancelled or failed, nothing is left behind.
    /// Without CAP_SYS_ADMIN the namespaces are made inside a user namespace of their own.</summary>
    public static async Task<Sandbox> StartAsync(string? optDirectory, int runtimeApiPort, IReadOnlyList<int> hostPorts, Action<string> log,
        CancellationToken cancellationToken)
    {
        var ownUserNamespace = !NamespaceSupport.IsPrivileged();
        var ports = hostPorts.Where(p => p != SandboxPaths.RuntimeApiPort).Distinct().ToList();
        var lowestPort = ports.Count > 0 ? ports.Min() : FirstUnprivilegedPort;
        var lowestPrivilegedPort = ownUserNamespace && lowestPort < FirstUnprivilegedPort ? lowestPort.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        var startInfo = new ProcessStartInfo("unshare")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --keep-caps: the holder keeps the capabilities a new user namespace grants, whatever the maps say.
        foreach (var argument in (string[])[.. ownUserNamespace ? ["--user", "--keep-caps"] : (string[])[], "--net", "--mount", "--propagation", "private", "--",
                     "sh", "-c", HolderScript, "fis-sandbox", optDirectory ?? "", ownUserNamespace ? "map" : "", lowestPrivilegedPort])
            startInfo.ArgumentList.Add(argument);
        var holder = Process.Start(startInfo) ?? throw new SandboxException("unshare did not start.");
        var sandbox = new Sandbox(holder, ownUserNamespace);
        try
        {
            if (ownUserNamespace) await sandbox.MapOwnUserAsync(cancellationToken).ConfigureAwait(false);
            await sandbox.WaitUntilReadyAsync(optDirectory, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<int> listened = [SandboxPaths.RuntimeApiPort, .. ports];
            var listeners = ownUserNamespace
                ? await UserNamespaceListeners.ListenAsync(holder.Id, listened, cancellationToken).ConfigureAwait(false)
                : NetworkNamespace.Listen(holder.Id, listened);
            sandbox._relays.Add(new TcpRelay(listeners[0], runtimeApiPort, log, "The Runtime API is not listening."));
            for (var i = 0; i < ports.Count; i++)
                sandbox._relays.Add(new TcpRelay(listeners[i + 1], ports[i], log, $"Start the host service on 127.0.0.1:{ports[i]} before invoking."));
            return sandbox;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw new SandboxException(e.Message, e);
        }
        catch
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The command prefix that runs a program inside the namespaces, in <paramref name="workingDirectory"/>
    /// (entering a mount namespace resets the working directory to its root, setns(2)).</summary>
    public IReadOnlyList<string> EnterCommand(string workingDirectory) =>
        ["nsenter", $"--target={HolderProcessId}", .. _ownUserNamespace ? (string[])["--user", "--preserve-credentials"] : [], "--net", "--mount",
            $"--wd={workingDirectory}", "--"];

    public async ValueTask DisposeAsync()
    {
        foreach (var relay in _relays) await relay.DisposeAsync().ConfigureAwait(false);
        try
        {
            _holder.StandardInput.Close();
            if (!_holder.HasExited) _holder.Kill();
            await _holder.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Already gone, and its pipe with it.
        }
        _holder.Dispose();
    }

    /// <summary>Maps the emulator's user and group, each to itself, in the holder's new user namespace, as
    /// unshare --map-current-user does (util-linux 2.38 and later only): setgroups must be denied before an unprivileged
    /// process may write gid_map (user_namespaces(7)). Processes joining it then run as that user, with no capabilities.</summary>
    private async Task MapOwnUserAsync(CancellationToken cancellationToken)
    {
        var line = await _holder.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line != Mapping) throw new SandboxException(await HolderFailureAsync(null, cancellationToken).ConfigureAwait(false));
        var process = $"/proc/{_holder.Id}";
        try
        {
            await File.WriteAllTextAsync($"{process}/setgroups", "deny", cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync($"{process}/uid_map", $"{ProcessIdentity.UserId} {ProcessIdentity.UserId} 1", cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync($"{process}/gid_map", $"{ProcessIdentity.GroupId} {ProcessIdentity.GroupId} 1", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxException($"cannot map user {ProcessIdentity.UserId} into the environment's user namespace: {e.Message}", e);
        }
        await _holder.StandardInput.WriteLineAsync().ConfigureAwait(false);
        await _holder.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitUntilReadyAsync(string? optDirectory, CancellationToken cancellationToken)
    {
        var line = await _holder.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line == Ready) return;
        throw new SandboxException(await HolderFailureAsync(optDirectory, cancellationToken).ConfigureAwait(false));
    }

    private async Task<string> HolderFailureAsync(string? optDirectory, CancellationToken cancellationToken)
    {
        var error = await StandardErrorText.OneLineAsync(_holder, cancellationToken).ConfigureAwait(false);
        return $"cannot create the environment's namespaces{(optDirectory is null ? "" : $" with {optDirectory} at /opt")}: {(error.Length > 0 ? error : "unshare exited")}";
    }
}
