using System.Text.RegularExpressions;

namespace FisExtension.Emulator.Configuration;

/// <summary>Lambda's limits on a function's settings (CreateFunction in the Lambda API reference), shared by the
/// command line, the function file and the stack file. Each rule answers null or the problem with its fix.</summary>
internal static partial class FunctionRules
{
    public const int MinMemoryMb = 128;
    public const int MaxMemoryMb = 10_240;
    public const double MaxTimeoutSeconds = 900;
    public const double MaxInitTimeoutSeconds = 900;
    public const int MaxPort = 65_535;
    public const int MaxConcurrencyPerEnvironment = 1_024;
    public static readonly IReadOnlyList<string> LogFormats = ["Text", "JSON"];

    public static string? FunctionName(string name) => FunctionNamePattern().IsMatch(name)
        ? null
        : $"\"{name}\" is not a function name. Use 1 to 64 letters, digits, hyphens or underscores.";

    public static string? EnvironmentKey(string key) => EnvironmentKeyPattern().IsMatch(key)
        ? null
        : $"\"{key}\" is not an environment variable name. Start with a letter, then letters, digits or underscores.";

    public static string? Region(string region) => RegionPattern().IsMatch(region)
        ? null
        : $"\"{region}\" is not a region. Write it as AWS does, e.g. us-east-1.";

    public static string? AccountId(string account) => AccountPattern().IsMatch(account)
        ? null
        : $"\"{account}\" is not an account id. Use 12 digits, e.g. 123456789012.";

    public static string? LogFormat(string format) => LogFormats.Contains(format)
        ? null
        : $"\"{format}\" is not a log format. Use Text or JSON.";

    public static string? ExistingDirectory(string path) => Directory.Exists(path)
        ? null
        : $"{path} is not a directory. Create it or point at the folder that exists.";

    /// <summary>A runtime executable written as a path must exist; a bare name is looked up in PATH when it starts.</summary>
    public static string? RuntimeExecutable(string executable) =>
        !executable.Contains('/', StringComparison.Ordinal) || File.Exists(executable)
            ? null
            : $"{executable} does not exist. Give the path of the runtime's executable (relative paths are resolved against the file or the current directory).";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FunctionNamePattern();

    // Lambda's rule for environment variable keys (Environment.Variables in the Lambda API reference): a letter, then letters, digits, underscores.
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]*$")]
    private static partial Regex EnvironmentKeyPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
