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
    // $1 is the layers folder, empty for none. unshare(1) execs the shell in place: the holder's PID is the one started.
    private const string HolderScript =
        "ip link set lo up || exit 1; if [ -n \"$1\" ]; then mount --bind -o ro \"$1\" /opt || exit 1; fi; echo ready; read -r _ || true";

    private const string Ready = "ready";

    /// <summary>unshare(1): a user namespace where the emulator's user is itself, whose capabilities the holder keeps
    /// (the processes joining it later run as that user, with none).</summary>
    public static readonly string[] UserNamespaceOptions = ["--user", "--map-current-user", "--keep-caps"];

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

    /// <summary>Starts the namespaces, mounts the layers and opens the relays; cancelled or failed, nothing is left behind.</summary>
    public static async Task<Sandbox> StartAsync(string? optDirectory, int runtimeApiPort, IReadOnlyList<int> hostPorts, Action<string> log,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("unshare")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var ownUserNamespace = !NamespaceSupport.IsPrivileged();
        foreach (var argument in (string[])[.. ownUserNamespace ? UserNamespaceOptions : [], "--net", "--mount", "--propagation", "private", "--",
                     "sh", "-c", HolderScript, "fis-sandbox", optDirectory ?? ""])
            startInfo.ArgumentList.Add(argument);
        var holder = Process.Start(startInfo) ?? throw new SandboxException("unshare did not start.");
        var sandbox = new Sandbox(holder, ownUserNamespace);
        try
        {
            await sandbox.WaitUntilReadyAsync(optDirectory, cancellationToken).ConfigureAwait(false);
            var ports = hostPorts.Where(p => p != SandboxPaths.RuntimeApiPort).Distinct().ToList();
            IReadOnlyList<int> listened = [SandboxPaths.RuntimeApiPort, .. ports];
            var listeners = ownUserNamespace
                ? await UserNamespaceListeners.ListenAsync(holder.Id, listened, cancellationToken).ConfigureAwait(false)
                : NetworkNamespace.Listen(holder.Id, listened);
            sandbox._relays.Add(new TcpRelay(listeners[0], runtimeApiPort, log, "The Runtime API is not listening."));
            for (var i = 0; i < ports.Count; i++)
                sandbox._relays.Add(new TcpRelay(listeners[i + 1], ports[i], log, $"Start the host service on 127.0.0.1:{ports[i]} before invoking."));
            return sandbox;
        }
        catch (IOException e)
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

    private async Task WaitUntilReadyAsync(string? optDirectory, CancellationToken cancellationToken)
    {
        var line = await _holder.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line == Ready) return;
        var error = (await _holder.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim().ReplaceLineEndings(" ");
        throw new SandboxException(
            $"cannot create the environment's namespaces{(optDirectory is null ? "" : $" with {optDirectory} at /opt")}: {(error.Length > 0 ? error : "unshare exited")}. " +
            "Run the emulator as root (or where unprivileged user namespaces are allowed), or pass --isolation none.");
    }
}
