namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Where the test runtimes live, found from the test assembly by walking up to the repository root.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot => FisExtension.Tests.Shared.RepositoryRoot.Path;

    public static string Functions => Path.Combine(RepositoryRoot, "tests", "functions");

    public static string ShellRuntime => Path.Combine(Functions, "shell-runtime", "bootstrap");

    public static string NodeEchoTaskRoot => Path.Combine(Functions, "node-echo");

    /// <summary>The fis-emulator executable, copied next to the tests by the project reference.</summary>
    public static string EmulatorExecutable => Path.Combine(AppContext.BaseDirectory, "fis-emulator");

    public static string NodeRic => Path.Combine(Functions, "node_modules", ".bin", "aws-lambda-ric");
}
