using FisExtension.Emulator;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// One function in the emulator with the real published extension attached as a layer: a temporary <c>/opt</c>
/// holding <c>extensions/fis-extension</c> and <c>aws-fis/bootstrap</c>, a free proxy port, and
/// <c>AWS_LAMBDA_EXEC_WRAPPER</c> set as users set it. Everything is torn down on dispose.
/// </summary>
internal sealed class ExtensionHarness : IAsyncDisposable
{
    // The emulator runs inside the test host. With the thread pool's default minimum (one thread per core, two
    // here) the test host was seen to stall for 500–900 ms once in a run while the pool grew — invocations and
    // timings measured across that stall are the test host's, not the extension's (DelayPrecisionTests).
    private const int MinimumPoolThreads = 16;

    static ExtensionHarness()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumPoolThreads), Math.Max(completionPorts, MinimumPoolThreads));
    }

    private ExtensionHarness(LambdaEmulator emulator, string optDirectory, int proxyPort)
    {
        Emulator = emulator;
        OptDirectory = optDirectory;
        ProxyPort = proxyPort;
    }

    public LambdaEmulator Emulator { get; }

    public string OptDirectory { get; }

    public int ProxyPort { get; }

    /// <summary>The proxy's address, which a runtime started through the wrapper sees as AWS_LAMBDA_RUNTIME_API.</summary>
    public string ProxyAddress => $"127.0.0.1:{ProxyPort}";

    public static async Task<ExtensionHarness> StartAsync(HarnessOptions options, string functionName = "fis-test-function")
    {
        var (function, port) = Function(options, functionName);
        var emulatorOptions = new EmulatorOptions
        {
            Freeze = options.Freeze,
            MaxConcurrency = options.MaxConcurrency,
            AdditionalInvocationHeaders = options.AdditionalInvocationHeaders,
            ShutdownBudget = options.ShutdownBudget,
        };
        var emulator = await LambdaEmulator.StartAsync(function, emulatorOptions);
        return new ExtensionHarness(emulator, function.OptDirectory!, port);
    }

    /// <summary>The function with the layer in a new temporary <c>/opt</c> (the caller deletes it), and its proxy port.</summary>
    public static (FunctionDefinition Function, int ProxyPort) Function(HarnessOptions options, string functionName)
    {
        var opt = Directory.CreateTempSubdirectory("fis-opt-").FullName;
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>(options.Environment);
        if (options.WithExtension)
        {
            Directory.CreateDirectory(Path.Combine(opt, "extensions"));
            Directory.CreateDirectory(Path.Combine(opt, "aws-fis"));
            File.CreateSymbolicLink(Path.Combine(opt, "extensions", options.ExtensionFileName), options.ExtensionExecutable ?? RepositoryPaths.RequireLayerExtension());
            File.CreateSymbolicLink(Path.Combine(opt, "aws-fis", "bootstrap"), RepositoryPaths.Wrapper);
            File.CreateSymbolicLink(Path.Combine(opt, "aws-fis", "fis-extension"), options.AwsFisExtension ?? RepositoryPaths.ExtensionBinary);
            if (options.UseExecWrapper)
            {
                environment.TryAdd("AWS_LAMBDA_EXEC_WRAPPER", Path.Combine(opt, "aws-fis", "bootstrap"));
            }

            environment.TryAdd("AWS_FIS_PROXY_LISTENER_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (options.ConfigurationDirectory is { } configuration)
            {
                environment.TryAdd("AWS_FIS_CONFIGURATION_LOCATION", configuration.EndsWith('/') ? configuration : configuration + "/");
            }
        }

        var function = new FunctionDefinition
        {
            FunctionName = functionName,
            RuntimeCommand = options.RuntimeCommand,
            Handler = options.Handler,
            OptDirectory = opt,
            TaskRoot = options.TaskRoot,
            Environment = environment,
            Timeout = options.Timeout,
            MemorySizeMb = options.MemorySizeMb,
            LogFormat = options.LogFormat,
        };
        return (function, port);
    }

    /// <summary>A client that plays the runtime against the proxy (or any address), with no timeout, as runtimes do.</summary>
    public RuntimeClient RuntimeThroughProxy() => new(ProxyAddress);

    /// <summary>The emulator's captured log lines of the extension process.</summary>
    public IReadOnlyList<string> ExtensionLogs() => Emulator.Logs.Where(l => l.Contains("fis-extension", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Waits for the extension to log a line containing <paramref name="text"/>: its output reaches the emulator
    /// asynchronously, a moment after the behaviour it describes (seconds after it under CI-like load).
    /// </summary>
    public Task<bool> ExtensionLoggedAsync(string text, TimeSpan? patience = null) =>
        Eventually.TrueAsync(() => ExtensionLogs().Any(l => l.Contains(text, StringComparison.Ordinal)), patience);

    /// <summary>
    /// Shuts the environment down and waits for the extension's "shutting down" line. Its output is captured in order,
    /// so every line it wrote before is in <see cref="ExtensionLogs"/> by then: the absence of a line means something.
    /// </summary>
    public async Task ShutdownAndAwaitTheWholeLogAsync()
    {
        int ShutdownLines() => ExtensionLogs().Count(l => l.Contains("shutting down", StringComparison.Ordinal));
        var before = ShutdownLines(); // an earlier environment's (after a timeout) does not count
        await Emulator.ShutdownAsync();
        Assert.True(await Eventually.TrueAsync(() => ShutdownLines() > before), "the extension did not log its shutdown");
    }

    /// <summary>
    /// Invokes with <paramref name="probe"/> (an echo event by default; answers discarded) until the extension logs,
    /// from now on, a line containing <paramref name="text"/>, e.g. what a poll found after the test changed the store.
    /// The environment is frozen between invocations, so its extension polls only when an invocation thaws it, and a
    /// poll that started before the change can still be running when the next one comes: the line is the evidence that
    /// the next invocation is judged on the new snapshot.
    /// </summary>
    public Task InvokeUntilTheExtensionLogsAsync(string text, byte[]? probe = null) =>
        InvokeUntilTheExtensionLogsAsync(line => line.Contains(text, StringComparison.Ordinal), $"\"{text}\"", probe);

    /// <inheritdoc cref="InvokeUntilTheExtensionLogsAsync(string, byte[])"/>
    public async Task InvokeUntilTheExtensionLogsAsync(Func<string, bool> matches, string description, byte[]? probe = null)
    {
        var patience = TimeSpan.FromSeconds(20);
        var from = ExtensionLogs().Count;
        var deadline = DateTime.UtcNow + patience;
        while (!ExtensionLogs().Skip(from).Any(matches))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"the extension did not log {description} within {patience.TotalSeconds:F0} s of invocations:\n{string.Join('\n', ExtensionLogs().Skip(from))}");
            await Emulator.InvokeAsync(probe ?? Json.Event(("action", "echo")));
            await Task.Delay(250); // so that the invocations span several hot polls
        }
    }

    /// <summary>
    /// Inits the environment, so that the extension starts and polls, and waits until it logs <paramref name="text"/>
    /// (e.g. the faults it found). Otherwise the first invocation is the cold start, and the first poll, running in the
    /// background, can outlast the wait that invocation gives it (<c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>) on a
    /// loaded machine: the invocation would rightly run without the faults a test counts on.
    /// </summary>
    public async Task InitUntilTheExtensionLogsAsync(string text)
    {
        await Emulator.InitializeAsync();
        Assert.True(await ExtensionLoggedAsync(text, TimeSpan.FromSeconds(15)), $"the extension did not log \"{text}\" after init");
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();

        // For a failing test: FIS_TEST_LOG_DIR=/tmp/logs keeps every environment's log stream.
        if (System.Environment.GetEnvironmentVariable("FIS_TEST_LOG_DIR") is { Length: > 0 } logDirectory)
        {
            Directory.CreateDirectory(logDirectory);
            await File.WriteAllLinesAsync(Path.Combine(logDirectory, $"{Path.GetFileName(OptDirectory)}.log"), Emulator.Logs);
        }

        try
        {
            Directory.Delete(OptDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing its files; the temp folder is cleaned by the system.
        }
    }
}
