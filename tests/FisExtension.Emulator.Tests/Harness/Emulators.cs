namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Definitions the tests start from.</summary>
internal static class Emulators
{
    public static FunctionDefinition Shell(TempDirectory? opt = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) => new()
    {
        FunctionName = "shell-function",
        RuntimeCommand = [TestPaths.ShellRuntime],
        Handler = "function.handler",
        OptDirectory = opt?.Path,
        TaskRoot = Path.GetDirectoryName(TestPaths.ShellRuntime),
        Environment = environment ?? new Dictionary<string, string>(),
        Timeout = timeout ?? TimeSpan.FromSeconds(3),
    };

    public static FunctionDefinition External(TempDirectory? opt = null, TimeSpan? timeout = null) => new()
    {
        FunctionName = "external-function",
        RuntimeCommand = null,
        OptDirectory = opt?.Path,
        Timeout = timeout ?? TimeSpan.FromSeconds(3),
    };

    public static EmulatorOptions Options(Action<string>? sink = null) => new() { LogSink = sink, ShutdownBudget = TimeSpan.FromSeconds(2) };

    public static Task<LambdaEmulator> StartAsync(FunctionDefinition function, EmulatorOptions? options = null) =>
        LambdaEmulator.StartAsync(function, options ?? Options());
}
