using System.Globalization;
using FisExtension.Emulator.Configuration;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Stack;

namespace FisExtension.Emulator;

/// <summary>The command line of <c>fis-emulator</c>, parsed into a function (or a stack) and options. Every option is
/// checked for its value and range before anything starts; all problems are reported at once.</summary>
internal sealed record EmulatorCommandLine(FunctionDefinition Function, EmulatorOptions Options, bool ShowHelp)
{
    public const string Usage = """
        fis-emulator — a local Lambda: one function, or a stack of functions behind an HTTP API.

        Usage: fis-emulator [options] [-- <runtime command...>]
               fis-emulator --stack <stack.json> [--invoke-port <port>] [--http-port <port>] [--init-timeout <s>] [--no-freeze]
                            [--isolation auto|namespaces|none] [--host-port <port>...]
          --function <file.json>     function definition file (command-line options override it)
          --stack <file.json>        a stack file: functions, their pools, and an HTTP API in front of them
          --name <name>              function name (default: function)
          --handler <handler>        _HANDLER (default: index.handler)
          --task-root <dir>          LAMBDA_TASK_ROOT and the runtime's working directory (default: current)
          --opt <dir>                the folder that plays /opt; <dir>/extensions/* are started as extensions
          --env KEY=VALUE            a function environment variable (repeatable), e.g. AWS_LAMBDA_EXEC_WRAPPER
          --memory <MB>              AWS_LAMBDA_FUNCTION_MEMORY_SIZE, 128 to 10240 (default: 128)
          --timeout <seconds>        function timeout, more than 0 and at most 900 (default: 3)
          --region <region>          AWS_REGION (default: us-east-1)
          --runtime-api-port <port>  Runtime and Extensions API port, 0 to 65535 (default: 9001; 0 = any free port)
          --invoke-port <port>       invoke API port; with --stack the Lambda API (default: 8080)
          --http-port <port>         with --stack: the HTTP API (default: 3000)
          --max-concurrency <n>      concurrent invocations, 1 to 1024 (default: 1; above 1 = Managed Instances)
          --init-timeout <seconds>   init phase limit, more than 0 and at most 900 (default: 10)
          --no-freeze                do not SIGSTOP the function between invocations
          --isolation <mode>         auto (default): each environment in its own network and mount namespaces, the
                                     layers at /opt and the Runtime API at 127.0.0.1:9001, when the machine allows it
                                     (root, or user namespaces without root); namespaces: the same, or exit 2; none:
                                     share the machine's network
          --host-port <port>         a port of the host's 127.0.0.1 relayed into every environment (repeatable), e.g. 4568
        Without a runtime command, the emulator waits for an external runtime to call /next.
        Bad options or files: one message naming each problem and its fix, exit code 2, nothing started.
        """;

    // Options that describe the one function; a stack file describes its functions itself.
    private static readonly string[] FunctionOnlyOptions =
        ["--function", "--name", "--handler", "--task-root", "--opt", "--env", "--memory", "--timeout", "--region", "--runtime-api-port", "--max-concurrency", "--"];

    /// <summary>The stack, when <c>--stack</c> was given.</summary>
    public StackDefinition? Stack { get; init; }

    /// <summary>Port of the stack's HTTP API. Defaults to 3000.</summary>
    public int HttpPort { get; init; } = 3000;

    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var function = new FunctionDefinition { FunctionName = "function" };
        var options = new EmulatorOptions { RuntimeApiPort = 9001, InvokePort = 8080, LogSink = Console.WriteLine, Isolation = IsolationMode.Auto };
        var hostPorts = new List<int>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new List<Func<FunctionDefinition, FunctionDefinition>>();
        var problems = new List<string>();
        var used = new List<string>();
        string? stackFile = null;
        var httpPort = 3000;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            used.Add(option);
            string? Value()
            {
                if (++i < args.Count) return args[i];
                problems.Add($"{option} needs a value. Run fis-emulator --help.");
                return null;
            }
            switch (option)
            {
                case "-h" or "--help": return new(function, options, ShowHelp: true);
                case "--function":
                    if (Value() is { } file)
                    {
                        try { function = FunctionDefinition.Load(file); }
                        catch (ConfigurationException e) { problems.Add(e.Message); }
                    }
                    break;
                case "--stack": stackFile = Value(); break;
                case "--name": { if (Checked(option, Value(), FunctionRules.FunctionName, problems) is { } v) overrides.Add(f => f with { FunctionName = v }); break; }
                case "--handler": { if (Value() is { } v) overrides.Add(f => f with { Handler = v }); break; }
                case "--task-root": { if (Directory(option, Value(), problems) is { } v) overrides.Add(f => f with { TaskRoot = v }); break; }
                case "--opt": { if (Directory(option, Value(), problems) is { } v) overrides.Add(f => f with { OptDirectory = v }); break; }
                case "--memory": { if (Whole(option, Value(), FunctionRules.MinMemoryMb, FunctionRules.MaxMemoryMb, "MB", problems) is { } v) overrides.Add(f => f with { MemorySizeMb = v }); break; }
                case "--timeout": { if (Seconds(option, Value(), FunctionRules.MaxTimeoutSeconds, problems) is { } v) overrides.Add(f => f with { Timeout = v }); break; }
                case "--region": { if (Checked(option, Value(), FunctionRules.Region, problems) is { } v) overrides.Add(f => f with { Region = v }); break; }
                case "--env":
                    if (Value() is not { } pair) break;
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0) problems.Add($"--env {pair}: use KEY=VALUE.");
                    else if (FunctionRules.EnvironmentKey(pair[..equals]) is { } keyProblem) problems.Add($"--env {pair}: {keyProblem}");
                    else environment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                case "--runtime-api-port": { if (Whole(option, Value(), 0, FunctionRules.MaxPort, "(0 = any free port)", problems) is { } v) options = options with { RuntimeApiPort = v }; break; }
                case "--invoke-port": { if (Whole(option, Value(), 0, FunctionRules.MaxPort, "(0 = any free port)", problems) is { } v) options = options with { InvokePort = v }; break; }
                case "--http-port": { if (Whole(option, Value(), 0, FunctionRules.MaxPort, "(0 = any free port)", problems) is { } v) httpPort = v; break; }
                case "--max-concurrency": { if (Whole(option, Value(), 1, FunctionRules.MaxConcurrencyPerEnvironment, "invocations", problems) is { } v) options = options with { MaxConcurrency = v }; break; }
                case "--init-timeout": { if (Seconds(option, Value(), FunctionRules.MaxInitTimeoutSeconds, problems) is { } v) options = options with { InitTimeout = v }; break; }
                case "--no-freeze": options = options with { Freeze = false }; break;
                case "--isolation": { if (Mode(Value(), problems) is { } v) options = options with { Isolation = v }; break; }
                case "--host-port":
                    if (Value() is not { } text) break;
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort) && StackDefinitionJson.HostPortProblem(hostPort) is null) hostPorts.Add(hostPort);
                    else problems.Add($"--host-port {text}: {StackDefinitionJson.HostPortRule}");
                    break;
                case "--":
                    var command = RuntimeCommandPaths.Resolve(args.Skip(i + 1).ToList(), System.IO.Directory.GetCurrentDirectory());
                    if (command is [var executable, ..] && FunctionRules.RuntimeExecutable(executable) is { } missing) problems.Add($"runtime command: {missing}");
                    overrides.Add(f => f with { RuntimeCommand = command is [] ? null : command });
                    i = args.Count;
                    break;
                default: problems.Add($"Unknown option {option}. Run fis-emulator --help."); break;
            }
        }
        StackDefinition? stack = null;
        if (stackFile is not null)
        {
            foreach (var functionOption in FunctionOnlyOptions.Where(used.Contains))
                problems.Add($"{functionOption} cannot be used with --stack: describe each function in the stack file.");
            try { stack = StackDefinition.Load(stackFile); }
            catch (ConfigurationException e) { problems.Add(e.Message); }
        }
        if (options.Isolation == IsolationMode.Namespaces && NamespaceSupport.Missing() is { } notAllowed) problems.Add(IsolationPolicy.NotAllowed(notAllowed));
        if (problems.Count > 0) throw ConfigurationException.Of("fis-emulator", problems);
        options = options with { HostPorts = hostPorts };
        foreach (var apply in overrides) function = apply(function);
        if (environment.Count > 0)
            function = function with { Environment = function.Environment.Concat(environment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) };
        return new(function, options, ShowHelp: false) { Stack = stack, HttpPort = httpPort };
    }

    private static string? Checked(string option, string? value, Func<string, string?> rule, List<string> problems)
    {
        if (value is null) return null;
        if (rule(value) is not { } problem) return value;
        problems.Add($"{option}: {problem}");
        return null;
    }

    private static IsolationMode? Mode(string? value, List<string> problems)
    {
        switch (value)
        {
            case null: return null;
            case "auto": return IsolationMode.Auto;
            case "namespaces": return IsolationMode.Namespaces;
            case "none": return IsolationMode.None;
            default:
                problems.Add($"--isolation {value} is not a mode. Use auto, namespaces or none.");
                return null;
        }
    }

    private static string? Directory(string option, string? value, List<string> problems) =>
        value is null ? null : Checked(option, Path.GetFullPath(value), FunctionRules.ExistingDirectory, problems);

    private static int? Whole(string option, string? value, int min, int max, string unit, List<string> problems)
    {
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
        problems.Add($"{option} {value} is not valid. Use a whole number from {min} to {max} {unit}.");
        return null;
    }

    private static TimeSpan? Seconds(string option, string? value, double max, List<string> problems)
    {
        if (value is null) return null;
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= max)
            return TimeSpan.FromSeconds(seconds);
        problems.Add($"{option} {value} is not valid. Use seconds, {JsonObjectReader.RangeText(0, max)}.");
        return null;
    }
}
