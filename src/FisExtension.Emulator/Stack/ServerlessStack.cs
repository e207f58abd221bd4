using System.Collections.Concurrent;
using FisExtension.Emulator.Hosting;
using FisExtension.Emulator.Lifecycle;
using Microsoft.AspNetCore.Builder;

namespace FisExtension.Emulator.Stack;

/// <summary>A local serverless stack: a pool of execution environments per function, the Lambda API in front of every
/// function, and one HTTP API routing requests to them. A router and a pool of <see cref="LambdaEmulator"/>s, not a
/// second emulator.</summary>
public sealed class ServerlessStack : IAsyncDisposable
{
    private readonly List<FunctionPool> _pools = [];
    private readonly List<string> _mergedOpt = [];
    private readonly ConcurrentDictionary<Task, bool> _background = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IdGenerator _ids;
    private readonly EmulatorOptions _options;
    private WebApplication? _lambdaApiHost;
    private WebApplication? _httpApiHost;

    private ServerlessStack(StackDefinition definition, EmulatorOptions options)
    {
        Definition = definition;
        _options = options;
        _ids = new IdGenerator(options.Random, options.TimeProvider);
        StartedAt = options.TimeProvider.GetUtcNow();
    }

    public StackDefinition Definition { get; }

    /// <summary>http://127.0.0.1:port — the endpoint to give the AWS CLI or an SDK as <c>--endpoint-url</c>.</summary>
    public Uri LambdaApiEndpoint { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port — the HTTP API.</summary>
    public Uri HttpApiEndpoint { get; private set; } = null!;

    internal IReadOnlyList<FunctionPool> Pools => _pools;

    internal DateTimeOffset StartedAt { get; }

    /// <summary>Environments created so far for a function: each one a cold start.</summary>
    public int EnvironmentsCreated(string functionName) => Pool(functionName).EnvironmentsCreated;

    /// <summary>Environments of a function alive now, busy or idle.</summary>
    public int LiveEnvironments(string functionName) => Pool(functionName).LiveEnvironments;

    /// <summary>Merges each function's layers, then binds the Lambda API and the HTTP API on 127.0.0.1 (port 0 = any
    /// free port). Environments start on demand.</summary>
    public static async Task<ServerlessStack> StartAsync(StackDefinition definition, EmulatorOptions options, int lambdaApiPort, int httpApiPort,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        // Resolved once for the whole stack, so that a fallback to no isolation is said in one line, not per environment.
        options = Isolation.IsolationPolicy.Resolve(options with { HostPorts = [.. options.HostPorts.Union(definition.HostPorts)] }, null);
        var stack = new ServerlessStack(definition, options);
        try
        {
            foreach (var function in definition.Functions)
            {
                string? opt = null;
                if (function.Layers.Count > 0)
                {
                    opt = LayerMerger.Merge(function.Definition.FunctionName, function.Layers);
                    stack._mergedOpt.Add(opt);
                }
                stack._pools.Add(new FunctionPool(function, opt, options));
            }
            (stack._lambdaApiHost, var lambdaPort) = await ApiListener.StartAsync(lambdaApiPort, new LambdaApiHandler(stack).HandleAsync, ct).ConfigureAwait(false);
            stack.LambdaApiEndpoint = new Uri($"http://127.0.0.1:{lambdaPort}");
            var routes = new RouteTable(definition.HttpApi?.Routes ?? []);
            (stack._httpApiHost, var httpPort) = await ApiListener.StartAsync(httpApiPort, new HttpApiHandler(stack, routes).HandleAsync, ct).ConfigureAwait(false);
            stack.HttpApiEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
            return stack;
        }
        catch
        {
            await stack.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_httpApiHost is not null) await _httpApiHost.StopAsync().ConfigureAwait(false);
        if (_lambdaApiHost is not null) await _lambdaApiHost.StopAsync().ConfigureAwait(false);
        await Task.WhenAll(_background.Keys).ConfigureAwait(false);
        await Task.WhenAll(_pools.Select(p => p.DisposeAsync().AsTask())).ConfigureAwait(false);
        if (_httpApiHost is not null) await _httpApiHost.DisposeAsync().ConfigureAwait(false);
        if (_lambdaApiHost is not null) await _lambdaApiHost.DisposeAsync().ConfigureAwait(false);
        foreach (var opt in _mergedOpt) Directory.Delete(opt, recursive: true);
        _stopping.Dispose();
    }

    internal FunctionPool? FindPool(string functionName) => _pools.FirstOrDefault(p => p.Definition.FunctionName == functionName);

    internal string NewRequestId() => _ids.NewId();

    internal DateTimeOffset Now() => _options.TimeProvider.GetUtcNow();

    internal TimeProvider TimeProvider => _options.TimeProvider;

    internal void Log(string line) => _options.LogSink?.Invoke(line);

    internal string ArnOf(string functionName)
    {
        var any = _pools[0].Definition;
        return $"arn:aws:lambda:{any.Region}:{any.AccountId}:function:{functionName}";
    }

    /// <summary>An Event invocation: waits for an environment of the pool, runs, and is dropped when the stack stops.</summary>
    internal void RunInBackground(FunctionPool pool, string requestId, byte[] payload, InvokeOptions options)
    {
        var run = RunAsync();
        _background[run] = true;
        _ = run.ContinueWith(done => _background.TryRemove(done, out _), TaskScheduler.Default);

        async Task RunAsync()
        {
            try
            {
                var pooled = await pool.TryBeginAsync(requestId, payload, options, wait: true, _stopping.Token).ConfigureAwait(false);
                if (pooled is not null) await pooled.Result.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                _options.LogSink?.Invoke($"[stack] an Event invocation of {pool.Definition.FunctionName} was dropped: the stack is stopping");
            }
        }
    }

    private FunctionPool Pool(string functionName) =>
        FindPool(functionName) ?? throw new ArgumentException($"{functionName} is not a function of this stack.", nameof(functionName));
}
