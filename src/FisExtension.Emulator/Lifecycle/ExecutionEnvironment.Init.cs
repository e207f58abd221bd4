using System.Globalization;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Processes;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

internal sealed partial class ExecutionEnvironment
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Init as Lambda does it: start the extensions, wait for each to register, start the runtime (through
    /// the exec wrapper when set), and wait until the runtime and every extension called next.</summary>
    public async Task<InitResult> InitializeAsync(CancellationToken cancellationToken)
    {
        var start = Now();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var deadline = Task.Delay(options.InitTimeout, Time, limit.Token);
        try
        {
            var failure = await EnterNamespacesAsync(deadline, limit.Token, cancellationToken).ConfigureAwait(false)
                ?? Start(StartExtensions)
                ?? await EveryExtensionRegisteredAsync(deadline, cancellationToken).ConfigureAwait(false)
                ?? Start(StartRuntime)
                ?? await RuntimeAndExtensionsCalledNextAsync(deadline, cancellationToken).ConfigureAwait(false);
            return failure is null ? Succeed(start) : Fail(failure, start);
        }
        finally
        {
            await limit.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>An init error from the runtime (init/error, restore/error) or an extension (init/error); false when not in init.</summary>
    public bool FailInit(InitFailure failure)
    {
        if (_state != EnvironmentState.Initializing) return false;
        return _initFailure.TrySetResult(failure);
    }

    public ExtensionSession? Register(string name, IReadOnlyList<string> events, IReadOnlyList<string> acceptedFeatures)
    {
        if (_state != EnvironmentState.Initializing) return null;
        var info = new ExtensionInfo(name, ids.NewId(), events, acceptedFeatures, Time.GetUtcNow());
        var session = new ExtensionSession(info, Now);
        _sessions[info.Id] = session;
        lock (_gate)
        {
            if (_expectedRegistrations.TryGetValue(name, out var expected)) expected.TrySetResult(session);
        }
        return session;
    }

    /// <summary>A process that cannot even be started (setsid or the file missing, no permission) fails the init.</summary>
    private static InitFailure? Start(Action startProcesses)
    {
        try
        {
            startProcesses();
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            var message = $"Cannot start a process of the function: {e.Message}";
            return new InitFailure(ErrorTypes.RuntimeExitError, message, JsonBodies.Error(ErrorTypes.RuntimeExitError, message));
        }
    }

    private async Task<InitFailure?> EveryExtensionRegisteredAsync(Task deadline, CancellationToken cancellationToken)
    {
        Task registered;
        lock (_gate) registered = Task.WhenAll(_expectedRegistrations.Values.Select(r => r.Task));
        return await WaitForInitStepAsync(registered, deadline, cancellationToken).ConfigureAwait(false)
            ?? (registered.IsCompletedSuccessfully ? null : Timeout($"extensions did not register: {string.Join(", ", Unregistered())}"));
    }

    private async Task<InitFailure?> RuntimeAndExtensionsCalledNextAsync(Task deadline, CancellationToken cancellationToken)
    {
        var ready = Task.WhenAll([_runtimeCalledNext.Task, .. _sessions.Values.Select(s => s.FirstNext)]);
        return await WaitForInitStepAsync(ready, deadline, cancellationToken).ConfigureAwait(false)
            ?? (ready.IsCompletedSuccessfully ? null : Timeout($"waiting for next from: {string.Join(", ", NotReady())}"));
    }

    private async Task<InitFailure?> WaitForInitStepAsync(Task step, Task deadline, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(step, _initFailure.Task, deadline).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == _initFailure.Task ? _initFailure.Task.Result : null;
    }

    private InitFailure Timeout(string waitingFor)
    {
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Init phase timed out after {options.InitTimeout.TotalSeconds:0.00} seconds; {waitingFor}");
        return new InitFailure(ErrorTypes.SandboxTimedOut, message, JsonBodies.Error(ErrorTypes.SandboxTimedOut, message));
    }

    private InitResult Succeed(long start)
    {
        InitDuration = Time.GetElapsedTime(start);
        _state = EnvironmentState.Ready;
        foreach (var extension in Extensions) log.Write(PlatformLogLines.Extension(extension.Name, extension.Events));
        return new InitResult { Duration = InitDuration, Extensions = Extensions };
    }

    private InitResult Fail(InitFailure failure, long start)
    {
        InitDuration = Time.GetElapsedTime(start);
        _state = EnvironmentState.Failed;
        log.Write($"[{LogSources.Emulator}] Init error: {failure.ErrorType}: {failure.Message}");
        log.Write(PlatformLogLines.InitReport(InitDuration, "error", failure.ErrorType));
        return new InitResult
        {
            ErrorType = failure.ErrorType,
            ErrorMessage = failure.Message,
            ErrorPayload = failure.Payload,
            Duration = InitDuration,
            Extensions = Extensions,
        };
    }

    private void StartExtensions()
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The emulator runs Lambda's Linux process model only.");
        if (function.OptDirectory is null) return;
        var folder = Path.Combine(function.OptDirectory, "extensions");
        if (!Directory.Exists(folder)) return;
        var environment = ProcessEnvironments.ForExtension(VisibleFunction, ProcessRuntimeApi);
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            if ((File.GetUnixFileMode(path) & AnyExecute) == 0) continue;
            var name = Path.GetFileName(path);
            lock (_gate) _expectedRegistrations[name] = new(TaskCreationOptions.RunContinuationsAsynchronously);
            // Inside the namespaces an extension is started from /opt/extensions, as on Lambda.
            var started = _sandbox is null ? path : Path.Combine(VisibleFunction.OptDirectory!, "extensions", name);
            var process = FunctionProcess.Start(name, [started], ProcessEnvironments.TaskRootOf(function), environment,
                log.ForSource(LogSources.Extension(name)), Time, EnterCommand);
            lock (_gate) _extensionProcesses.Add(process);
            _ = process.Exited.ContinueWith(exit => OnExtensionExited(name, exit.Result), TaskScheduler.Default);
        }
    }

    private void StartRuntime()
    {
        if (function.RuntimeCommand is not { Count: > 0 } command)
        {
            log.Write($"[{LogSources.Emulator}] Waiting for an external runtime on {runtimeApiAddress}");
            return;
        }
        if (function.Environment.TryGetValue(LambdaEnvironmentVariables.ExecWrapper, out var wrapper) && wrapper.Length > 0)
            command = [wrapper, .. command];
        var environment = ProcessEnvironments.ForRuntime(VisibleFunction, options, ProcessRuntimeApi, LogStreamName);
        var runtime = FunctionProcess.Start(LogSources.Runtime, command, ProcessEnvironments.TaskRootOf(function), environment,
            log.ForSource(LogSources.Runtime), Time, EnterCommand);
        lock (_gate) _runtime = runtime;
        _ = runtime.Exited.ContinueWith(exit => OnRuntimeExited(exit.Result), TaskScheduler.Default);
    }

    private void OnRuntimeExited(int exitCode)
    {
        _runtimeExited.TrySetResult(exitCode);
        var message = $"Runtime exited with error: exit status {exitCode}";
        FailInit(new InitFailure(ErrorTypes.RuntimeExitError, message, JsonBodies.Error(ErrorTypes.RuntimeExitError, message)));
    }

    private void OnExtensionExited(string name, int exitCode)
    {
        var message = $"Extension {name} exited with code {exitCode}";
        if (FailInit(new InitFailure(ErrorTypes.ExtensionCrash, message, JsonBodies.Error(ErrorTypes.ExtensionCrash, message)))) return;
        if (_state != EnvironmentState.Ready) return;
        log.Write($"[{LogSources.Emulator}] {message}; the environment will be reset");
        MarkNeedsReset();
        foreach (var session in _sessions.Values.Where(s => s.Info.Name == name)) session.Abandon();
    }

    private IEnumerable<string> Unregistered()
    {
        lock (_gate) return [.. _expectedRegistrations.Where(r => !r.Value.Task.IsCompleted).Select(r => r.Key)];
    }

    private IEnumerable<string> NotReady()
    {
        if (!_runtimeCalledNext.Task.IsCompleted) yield return LogSources.Runtime;
        foreach (var session in _sessions.Values.Where(s => !s.FirstNext.IsCompleted)) yield return session.Info.Name;
    }
}
