using System.Globalization;
using FisExtension.Emulator.Protocol;
using Env = FisExtension.Emulator.Protocol.LambdaEnvironmentVariables;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>The environment variables of the runtime and of the extensions, as Lambda sets them.</summary>
internal static class ProcessEnvironments
{
    public static Dictionary<string, string> ForRuntime(FunctionDefinition function, EmulatorOptions options, string runtimeApi, string logStreamName)
    {
        var environment = Common(function, runtimeApi);
        environment[Env.Handler] = function.Handler;
        environment[Env.TaskRoot] = TaskRootOf(function);
        environment[Env.RuntimeDir] = TaskRootOf(function);
        environment[Env.LogGroupName] = function.LogGroupName;
        environment[Env.LogStreamName] = logStreamName;
        if (function.ExecutionEnvironment is { } executionEnvironment) environment[Env.ExecutionEnv] = executionEnvironment;
        if (options.MaxConcurrency > 1) environment[Env.MaxConcurrency] = options.MaxConcurrency.ToString(CultureInfo.InvariantCulture);
        ApplyFunctionEnvironment(environment, function);
        return environment;
    }

    public static Dictionary<string, string> ForExtension(FunctionDefinition function, string runtimeApi)
    {
        var environment = Common(function, runtimeApi);
        ApplyFunctionEnvironment(environment, function);
        foreach (var hidden in Env.HiddenFromExtensions) environment.Remove(hidden);
        return environment;
    }

    public static string TaskRootOf(FunctionDefinition function) => function.TaskRoot ?? Directory.GetCurrentDirectory();

    private static Dictionary<string, string> Common(FunctionDefinition function, string runtimeApi)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Env.Path] = System.Environment.GetEnvironmentVariable(Env.Path) ?? "/usr/local/bin:/usr/bin:/bin",
            [Env.Lang] = "en_US.UTF-8",
            [Env.TimeZone] = ":UTC",
            [Env.FunctionName] = function.FunctionName,
            [Env.FunctionVersion] = function.Version,
            [Env.FunctionMemorySize] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            [Env.Region] = function.Region,
            [Env.DefaultRegion] = function.Region,
            [Env.RuntimeApi] = runtimeApi,
            [Env.LogFormat] = function.LogFormat,
            [Env.InitializationType] = "on-demand",
        };
        if (function.OptDirectory is { } opt) environment[Env.LdLibraryPath] = Path.Combine(opt, "lib");
        foreach (var credential in Env.Credentials)
        {
            if (System.Environment.GetEnvironmentVariable(credential) is { Length: > 0 } value) environment[credential] = value;
        }
        return environment;
    }

    // The function's variables come last so that a test can override anything, as a Lambda configuration can for most.
    private static void ApplyFunctionEnvironment(Dictionary<string, string> environment, FunctionDefinition function)
    {
        foreach (var (key, value) in function.Environment)
        {
            if (key != Env.RuntimeApi) environment[key] = value;
        }
    }
}
