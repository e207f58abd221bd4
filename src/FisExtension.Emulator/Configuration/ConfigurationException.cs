namespace FisExtension.Emulator.Configuration;

/// <summary>A command line, function file or stack file that cannot be used. The message names the file, the JSON path
/// or the option, and the fix; the command answers it with exit code 2 before anything starts.</summary>
public sealed class ConfigurationException : FormatException
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every problem found, one per line, under a first line naming where they were found.</summary>
    public static ConfigurationException Of(string source, IReadOnlyList<string> problems) =>
        new(problems.Count == 1 ? $"{source}: {problems[0]}" : $"{source}: {problems.Count} problems:\n  " + string.Join("\n  ", problems));
}
