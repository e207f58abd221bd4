using System.Globalization;

namespace FisExtension.Emulator;

/// <summary>The command line of <c>fis-emulator</c>, parsed into a function and options (docs/emulator.md).</summary>
internal sealed record EmulatorCommandLine(FunctionDefinition Function, EmulatorOptions Options, bool ShowHelp)
{
    public const string Usage = """
        fis-emulator — a local Lambda execution environment for one function.

        Usage: fis-emulator [options] [-- <runtime command...>]
          --function <file.json>     function definition file (command-line options override it)
          --name <name>              function name (default: function)
          --handler <handler>        _HANDLER (default: index.handler)
          --task-root <dir>          LAMBDA_TASK_ROOT and the runtime's working directory (default: current)
          --opt <dir>                the folder that plays /opt; <dir>/extensions/* are started as extensions
          --env KEY=VALUE            a function environment variable (repeatable), e.g. AWS_LAMBDA_EXEC_WRAPPER
          --memory <MB>              AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default: 128)
          --timeout <seconds>        function timeout (default: 3)
          --region <region>          AWS_REGION (default: us-east-1)
          --runtime-api-port <port>  Runtime and Extensions API port (default: 9001)
          --invoke-port <port>       invoke API port (default: 8080)
          --max-concurrency <n>      concurrent invocations (default: 1)
          --init-timeout <seconds>   init phase limit (default: 10)
          --no-freeze                do not SIGSTOP the function between invocations
        Without a runtime command, the emulator waits for an external runtime to call /next.
        """;

    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var function = new FunctionDefinition { FunctionName = "function" };
        var options = new EmulatorOptions { RuntimeApiPort = 9001, InvokePort = 8080, LogSink = Console.WriteLine };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var overrides = new List<Func<FunctionDefinition, FunctionDefinition>>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new FormatException($"{args[i - 1]} needs a value.");
            switch (args[i])
            {
                case "-h" or "--help": return new(function, options, ShowHelp: true);
                case "--function": function = FunctionDefinition.Load(Value()); break;
                case "--name": { var v = Value(); overrides.Add(f => f with { FunctionName = v }); break; }
                case "--handler": { var v = Value(); overrides.Add(f => f with { Handler = v }); break; }
                case "--task-root": { var v = Path.GetFullPath(Value()); overrides.Add(f => f with { TaskRoot = v }); break; }
                case "--opt": { var v = Path.GetFullPath(Value()); overrides.Add(f => f with { OptDirectory = v }); break; }
                case "--memory": { var v = Int(Value()); overrides.Add(f => f with { MemorySizeMb = v }); break; }
                case "--timeout": { var v = Seconds(Value()); overrides.Add(f => f with { Timeout = v }); break; }
                case "--region": { var v = Value(); overrides.Add(f => f with { Region = v }); break; }
                case "--env":
                    var pair = Value();
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0) throw new FormatException($"--env {pair}: use KEY=VALUE.");
                    environment[pair[..equals]] = pair[(equals + 1)..];
                    break;
                case "--runtime-api-port": options = options with { RuntimeApiPort = Int(Value()) }; break;
                case "--invoke-port": options = options with { InvokePort = Int(Value()) }; break;
                case "--max-concurrency": options = options with { MaxConcurrency = Int(Value()) }; break;
                case "--init-timeout": options = options with { InitTimeout = Seconds(Value()) }; break;
                case "--no-freeze": options = options with { Freeze = false }; break;
                case "--":
                    var command = RuntimeCommandPaths.Resolve(args.Skip(i + 1).ToList(), Directory.GetCurrentDirectory());
                    overrides.Add(f => f with { RuntimeCommand = command });
                    i = args.Count;
                    break;
                default: throw new FormatException($"Unknown option {args[i]}. Run fis-emulator --help.");
            }
        }
        foreach (var apply in overrides) function = apply(function);
        if (environment.Count > 0)
            function = function with { Environment = function.Environment.Concat(environment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value) };
        return new(function, options, ShowHelp: false);
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));
}
