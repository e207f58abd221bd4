namespace FisExtension.Emulator.Stack;

/// <summary>Lambda's concurrency model for one function: one execution environment per invocation in flight, created on
/// demand (a cold start) and reused while warm (frozen in between); an environment idle for the idle lifetime is
/// reclaimed with SHUTDOWN; never more than the reserved concurrency at once ("Understanding Lambda function scaling",
/// Lambda developer guide). Each environment is a whole <see cref="LambdaEmulator"/>, with its own extensions.</summary>
internal sealed class FunctionPool : IAsyncDisposable
{
    private readonly StackFunction _function;
    private readonly FunctionDefinition _definition;
    private readonly EmulatorOptions _options;
    private readonly SemaphoreSlim _capacity;
    private readonly Lock _gate = new();
    private readonly List<(LambdaEmulator Environment, long IdleSince)> _idle = [];
    private readonly HashSet<LambdaEmulator> _live = [];
    private readonly List<Task> _retiring = [];
    private readonly ITimer _reaper;
    private int _created;

    public FunctionPool(StackFunction function, string? optDirectory, EmulatorOptions options)
    {
        _function = function;
        _definition = optDirectory is null ? function.Definition : function.Definition with { OptDirectory = optDirectory };
        _options = options with { RuntimeApiPort = 0, InvokePort = 0, MaxConcurrency = 1 };
        _capacity = new SemaphoreSlim(function.ReservedConcurrency, Math.Max(1, function.ReservedConcurrency));
        var period = TimeSpan.FromTicks(Math.Clamp(function.IdleLifetime.Ticks / 4, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromSeconds(1).Ticks));
        _reaper = options.TimeProvider.CreateTimer(_ => ReclaimIdle(), null, period, period);
    }

    public StackFunction Function => _function;

    public FunctionDefinition Definition => _definition;

    /// <summary>Environments created so far (each one a cold start).</summary>
    public int EnvironmentsCreated => Volatile.Read(ref _created);

    /// <summary>Environments alive now, busy or idle.</summary>
    public int LiveEnvironments
    {
        get
        {
            lock (_gate) return _live.Count;
        }
    }

    /// <summary>Starts an invocation in a warm environment, or a new one when none is idle. Null when the reserved
    /// concurrency is in use and <paramref name="wait"/> is false: the caller answers TooManyRequestsException. The caller
    /// names the request id: an Event invocation's 202 names it before the function runs.</summary>
    public async Task<PooledInvocation?> TryBeginAsync(string requestId, byte[] payload, InvokeOptions options, bool wait, CancellationToken cancellationToken)
    {
        if (wait) await _capacity.WaitAsync(cancellationToken).ConfigureAwait(false);
        else if (!await _capacity.WaitAsync(0, cancellationToken).ConfigureAwait(false)) return null;
        LambdaEmulator? environment = null;
        try
        {
            environment = TakeWarm() ?? await CreateAsync(cancellationToken).ConfigureAwait(false);
            // Given back when the invoke phase ends, before its REPORT line, and at the latest with the result.
            var giveBack = GiveBackOnce(environment);
            var handle = await environment.BeginInvocationAsync(requestId, payload, options, streamToCaller: false, cancellationToken, giveBack)
                .ConfigureAwait(false);
            var pooled = new PooledInvocation(environment, requestId, handle.Invocation, handle.Result);
            _ = GiveBackWhenDoneAsync(pooled, giveBack);
            return pooled;
        }
        catch
        {
            if (environment is not null) GiveBack(environment);
            else _capacity.Release();
            throw;
        }
    }

    private Action GiveBackOnce(LambdaEmulator environment)
    {
        var givenBack = 0;
        return () =>
        {
            if (Interlocked.Exchange(ref givenBack, 1) == 0) GiveBack(environment);
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _reaper.DisposeAsync().ConfigureAwait(false);
        List<LambdaEmulator> all;
        lock (_gate)
        {
            all = [.. _live];
            _live.Clear();
            _idle.Clear();
        }
        await Task.WhenAll(all.Select(e => e.DisposeAsync().AsTask()).Concat(RetiringSnapshot())).ConfigureAwait(false);
    }

    private LambdaEmulator? TakeWarm()
    {
        lock (_gate)
        {
            if (_idle.Count == 0) return null;
            // The most recently used environment first: the one least likely to be reclaimed soon.
            var warm = _idle[^1].Environment;
            _idle.RemoveAt(_idle.Count - 1);
            return warm;
        }
    }

    private async Task<LambdaEmulator> CreateAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _created);
        var source = $"{_definition.FunctionName}#{number}";
        var sink = _options.LogSink;
        var environment = await LambdaEmulator.StartAsync(_definition, _options with { LogSink = sink is null ? null : line => sink($"[{source}] {line}") },
            cancellationToken).ConfigureAwait(false);
        lock (_gate) _live.Add(environment);
        return environment;
    }

    private static async Task GiveBackWhenDoneAsync(PooledInvocation pooled, Action giveBack)
    {
        try
        {
            await pooled.Result.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The emulator is shutting down; the environment goes with it.
        }
        giveBack();
    }

    private void GiveBack(LambdaEmulator environment)
    {
        lock (_gate)
        {
            if (_live.Contains(environment)) _idle.Add((environment, _options.TimeProvider.GetTimestamp()));
        }
        _capacity.Release();
    }

    private void ReclaimIdle()
    {
        List<LambdaEmulator> expired;
        lock (_gate)
        {
            expired = [.. _idle.Where(i => _options.TimeProvider.GetElapsedTime(i.IdleSince) >= _function.IdleLifetime).Select(i => i.Environment)];
            if (expired.Count == 0) return;
            _idle.RemoveAll(i => expired.Contains(i.Environment));
            foreach (var environment in expired) _live.Remove(environment);
            _retiring.RemoveAll(t => t.IsCompleted);
            // DisposeAsync shuts the environment down with SHUTDOWN (reason spindown) to its extensions, as Lambda does.
            _retiring.AddRange(expired.Select(e => e.DisposeAsync().AsTask()));
        }
        _options.LogSink?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"[stack] reclaimed {expired.Count} environment(s) of {_definition.FunctionName} idle for {_function.IdleLifetime.TotalSeconds:0.###} s"));
    }

    private Task[] RetiringSnapshot()
    {
        lock (_gate) return [.. _retiring];
    }
}
