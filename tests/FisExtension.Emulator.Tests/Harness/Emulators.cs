namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Definitions the tests start from.</summary>
internal static class Emulators
{
    // Generous defaults: on a loaded CI machine a shell handler's echo can take seconds, and an extension's exit on
    // SHUTDOWN too. Tests about a timeout or a kill pass their own.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static FunctionDefinition Shell(TempDirectory? opt = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) => new()
    {
        FunctionName = "shell-function",
        RuntimeCommand = [TestPaths.ShellRuntime],
        Handler = "function.handler",
        OptDirectory = opt?.Path,
        TaskRoot = Path.GetDirectoryName(TestPaths.ShellRuntime),
        Environment = environment ?? new Dictionary<string, string>(),
        Timeout = timeout ?? DefaultTimeout,
    };

    public static FunctionDefinition External(TempDirectory? opt = null, TimeSpan? timeout = null) => new()
    {
        FunctionName = "external-function",
        RuntimeCommand = null,
        OptDirectory = opt?.Path,
        Timeout = timeout ?? DefaultTimeout,
    };

    public static EmulatorOptions Options(Action<string>? sink = null) => new() { LogSink = sink, ShutdownBudget = TimeSpan.FromSeconds(10) };

    public static Task<LambdaEmulator> StartAsync(FunctionDefinition function, EmulatorOptions? options = null) =>
        LambdaEmulator.StartAsync(function, options ?? Options());

    /// <summary>
    /// Whether a line the emulator captured matches, waiting for it: a process's output is read on a task of its own,
    /// so a line written just before the process's next API call can be captured after the call was answered.
    /// </summary>
    public static Task<bool> LoggedAsync(LambdaEmulator emulator, Func<string, bool> line) =>
        Eventually.TrueAsync(() => emulator.Logs.Any(line));
}
