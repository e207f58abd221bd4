namespace FisExtension.Emulator;

/// <summary>The runtime runs in its task root, so a relative executable path (one with a slash) is made absolute
/// against where it was written; a bare name (<c>node</c>) is left to PATH.</summary>
internal static class RuntimeCommandPaths
{
    public static List<string>? Resolve(List<string>? command, string baseDirectory)
    {
        if (command is not [var executable, ..] || !executable.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(executable)) return command;
        return [Path.GetFullPath(executable, baseDirectory), .. command.Skip(1)];
    }
}
