namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Where the test runtimes live, found from the test assembly by walking up to the repository root.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Functions => Path.Combine(RepositoryRoot, "tests", "functions");

    public static string ShellRuntime => Path.Combine(Functions, "shell-runtime", "bootstrap");

    public static string NodeEchoTaskRoot => Path.Combine(Functions, "node-echo");

    /// <summary>The fis-emulator executable, copied next to the tests by the project reference.</summary>
    public static string EmulatorExecutable => Path.Combine(AppContext.BaseDirectory, "fis-emulator");

    public static string NodeRic => Path.Combine(Functions, "node_modules", ".bin", "aws-lambda-ric");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FisExtension.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("FisExtension.sln not found above " + AppContext.BaseDirectory);
    }
}
