namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// Harness options for a function with a fault configuration folder, polled quickly: the first invocation waits for
/// the init poll (<c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>), and a known fault is polled every second.
/// </summary>
internal static class FaultFunctions
{
    public static string ShellRuntime => Path.Combine(RepositoryPaths.Functions, "shell-runtime", "bootstrap");

    public static string NodeRic => Path.Combine(RepositoryPaths.Functions, "node_modules", ".bin", "aws-lambda-ric");

    public static string NodeEchoTaskRoot => Path.Combine(RepositoryPaths.Functions, "node-echo");

    /// <summary>The bash custom runtime of tests/functions/shell-runtime.</summary>
    public static HarnessOptions Shell(FaultObjectWriter faults, params (string Name, string Value)[] environment) => new()
    {
        RuntimeCommand = [ShellRuntime],
        TaskRoot = Path.Combine(RepositoryPaths.Functions, "shell-runtime"),
        ConfigurationDirectory = faults.Directory,
        Environment = Environment(environment),
    };

    /// <summary>tests/functions/node-echo under the official Node.js runtime interface client.</summary>
    public static HarnessOptions Node(FaultObjectWriter faults, string handler = "index.handler", params (string Name, string Value)[] environment) => new()
    {
        RuntimeCommand = [NodeRic, handler],
        Handler = handler,
        TaskRoot = NodeEchoTaskRoot,
        ConfigurationDirectory = faults.Directory,
        Environment = Environment(environment),
    };

    /// <summary>No runtime process: the test plays the runtime through the proxy (<see cref="ExtensionHarness.RuntimeThroughProxy"/>).</summary>
    public static HarnessOptions InTestRuntime(FaultObjectWriter faults, params (string Name, string Value)[] environment) => new()
    {
        ConfigurationDirectory = faults.Directory,
        Environment = Environment(environment),
    };

    private static Dictionary<string, string> Environment((string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_FIS_HOT_POLL_INTERVAL_SECONDS"] = "1",
            // An upper bound, reached only when a poll is slow: on a loaded machine a poll took over a second, and the
            // invocation the test measures ran before it (CI, 2026-12-02).
            ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = "10000",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }
}
