namespace FisExtension.IntegrationTests.Harness;

/// <summary>Where the tests find the published extension, the layer's wrapper, test functions and shared data.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ExtensionBinary => Path.Combine(Root, "artifacts", "publish", "FisExtension", "release_linux-x64", "fis-extension");

    public static string Wrapper => Path.Combine(Root, "layer", "aws-fis", "bootstrap");

    public static string Functions => Path.Combine(Root, "tests", "functions");

    public static string Shared => Path.Combine(Root, "..", "shared");

    public static string RequirePublishedExtension() => File.Exists(ExtensionBinary)
        ? ExtensionBinary
        : throw new InvalidOperationException($"{ExtensionBinary} is missing: run scripts/build-layer.sh (scripts/test.sh does) before these tests.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FisExtension.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FisExtension.sln not found above the test binaries");
    }
}
