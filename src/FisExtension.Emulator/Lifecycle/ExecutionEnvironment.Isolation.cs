using System.Globalization;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

internal sealed partial class ExecutionEnvironment
{
    private Task<Sandbox>? _sandboxStart;
    private Sandbox? _sandbox;

    /// <summary>The Runtime API as the processes reach it: 127.0.0.1:9001 inside the namespaces, as on Lambda.</summary>
    private string ProcessRuntimeApi => _sandbox is null ? runtimeApiAddress : SandboxPaths.RuntimeApiAddress;

    /// <summary>The function as its processes see it: inside the namespaces its layers are at /opt.</summary>
    private FunctionDefinition VisibleFunction =>
        _sandbox is not null && function.OptDirectory is not null ? function with { OptDirectory = SandboxPaths.Opt } : function;

    private IReadOnlyList<string>? EnterCommand => _sandbox?.EnterCommand(ProcessEnvironments.TaskRootOf(function));

    /// <summary>The first init step with isolation: the environment's namespaces, before any of its processes starts.</summary>
    private async Task<InitFailure?> EnterNamespacesAsync(Task deadline, CancellationToken initToken, CancellationToken cancellationToken)
    {
        if (options.Isolation != IsolationMode.Namespaces) return null;
        var runtimeApiPort = int.Parse(runtimeApiAddress[(runtimeApiAddress.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        _sandboxStart = Sandbox.StartAsync(function.OptDirectory, runtimeApiPort, options.HostPorts,
            line => log.Write($"[{LogSources.Emulator}] {line}"), initToken);
        if (await WaitForInitStepAsync(_sandboxStart, deadline, cancellationToken).ConfigureAwait(false) is { } failure) return failure;
        if (_sandboxStart.IsCompletedSuccessfully)
        {
            _sandbox = _sandboxStart.Result;
            return null;
        }
        if (!_sandboxStart.IsCompleted) return Timeout("creating the environment's namespaces");
        var message = $"{_sandboxStart.Exception?.InnerException?.Message ?? "cannot create the environment's namespaces"}. " +
            "Pass --isolation none to run without namespaces.";
        return new InitFailure(ErrorTypes.RuntimeExitError, message, JsonBodies.Error(ErrorTypes.RuntimeExitError, message));
    }

    /// <summary>Closes the relays and ends the holder once the processes are killed: no namespace or mount outlives the environment.</summary>
    private async Task LeaveNamespacesAsync()
    {
        if (_sandboxStart is null) return;
        try
        {
            await (await _sandboxStart.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is SandboxException or OperationCanceledException or IOException or System.ComponentModel.Win32Exception)
        {
            // It never started, and what it started it has cleaned up itself.
        }
    }
}
