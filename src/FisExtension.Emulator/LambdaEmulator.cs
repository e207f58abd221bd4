using FisExtension.Emulator.Hosting;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Builder;

namespace FisExtension.Emulator;

/// <summary>A local Lambda execution environment for one function: the Runtime and Extensions APIs on one listener,
/// an invoke endpoint compatible with the Runtime Interface Emulator on another, and the process lifecycle.</summary>
public sealed partial class LambdaEmulator : IAsyncDisposable
{
    private readonly FunctionDefinition _function;
    private readonly EmulatorOptions _options;
    private readonly LogCollector _log;
    private readonly IdGenerator _ids;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private WebApplication? _runtimeApiHost;
    private WebApplication? _invokeHost;
    private int _disposed;

    private LambdaEmulator(FunctionDefinition function, EmulatorOptions options)
    {
        if (options.MaxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxConcurrency must be at least 1.");
        _function = function;
        _options = options;
        _log = new LogCollector(options.LogSink);
        _ids = new IdGenerator(options.Random, options.TimeProvider);
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    /// <summary>"127.0.0.1:port": the value given to the processes as <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string RuntimeApiAddress { get; private set; } = "";

    /// <summary>http://127.0.0.1:port/2015-03-31/functions/function/invocations</summary>
    public Uri InvokeEndpoint { get; private set; } = null!;

    public FunctionDefinition Function => _function;

    internal EmulatorOptions Options => _options;

    /// <summary>The log stream so far: process lines prefixed with their source, and the platform's lines.</summary>
    public IReadOnlyList<string> Logs => _log.Snapshot();

    /// <summary>The extensions registered in the current environment.</summary>
    public IReadOnlyList<ExtensionInfo> RegisteredExtensions => CurrentEnvironment?.Extensions ?? [];

    /// <summary>The environment finished its init and can take invocations.</summary>
    public bool IsReady => CurrentEnvironment is { State: EnvironmentState.Ready, NeedsReset: false };

    /// <summary>Binds both listeners on 127.0.0.1. Init happens on the first invoke, or now through <see cref="InitializeAsync"/>.</summary>
    public static async Task<LambdaEmulator> StartAsync(FunctionDefinition function, EmulatorOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(options);
        var emulator = new LambdaEmulator(function, Isolation.IsolationPolicy.Resolve(options, function.OptDirectory));
        try
        {
            (emulator._runtimeApiHost, var runtimePort) = await ApiListener.StartAsync(options.RuntimeApiPort,
                new RuntimeApiHandler(emulator).HandleAsync, ct).ConfigureAwait(false);
            (emulator._invokeHost, var invokePort) = await ApiListener.StartAsync(options.InvokePort,
                new InvokeApiHandler(emulator).HandleAsync, ct).ConfigureAwait(false);
            emulator.RuntimeApiAddress = $"127.0.0.1:{runtimePort}";
            emulator.InvokeEndpoint = new Uri($"http://127.0.0.1:{invokePort}{ApiPaths.InvokeDefault}");
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Cancelling first ends an init still waiting for its runtime and drops queued events that have no slot yet.
        await _disposing.CancelAsync().ConfigureAwait(false);
        try
        {
            await ShutdownAsync(EventTypes.ReasonSpindown).ConfigureAwait(false);
        }
        finally
        {
            await WaitForQueuedEventsAsync().ConfigureAwait(false);
            if (_invokeHost is not null) await _invokeHost.DisposeAsync().ConfigureAwait(false);
            if (_runtimeApiHost is not null) await _runtimeApiHost.DisposeAsync().ConfigureAwait(false);
            _disposing.Dispose();
        }
    }

    internal TimeProvider TimeProvider => _options.TimeProvider;

    internal string NewId() => _ids.NewId();

    internal void WriteLog(string line) => _log.Write($"[{LogSources.Emulator}] {line}");
}
