namespace FisExtension.IntegrationTests.Harness;

/// <summary>Where the tests find the published extension, the layer's wrapper, test functions and shared data.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>What Lambda starts from the layer: the launcher, which binds the proxy port, registers and execs <see cref="ExtensionBinary"/>.</summary>
    public static string LayerExtension => Path.Combine(Root, "artifacts", "layer", "x86_64", "extensions", "fis-extension");

    /// <summary>The extension itself (the layer's <c>aws-fis/fis-extension</c>), which also runs on its own when started directly.</summary>
    public static string ExtensionBinary => Path.Combine(Root, "artifacts", "layer", "x86_64", "aws-fis", "fis-extension");

    /// <summary>The extension of the layer for an architecture (<c>x86_64</c>, <c>arm64</c>) and the symbols its publish
    /// left beside the unstripped build (<c>StripSymbols</c>).</summary>
    public static (string Binary, string Symbols) ExtensionWithSymbols(string architecture) => (
        Require(Path.Combine(Root, "artifacts", "layer", architecture, "aws-fis", "fis-extension")),
        Require(Path.Combine(Root, "artifacts", "publish", "FisExtension", $"release_{(architecture == "arm64" ? "linux-arm64" : "linux-x64")}", "fis-extension.dbg")));

    /// <summary>The methods the extension lays out first (IlcOrderFile), written by scripts/profile-layout.sh.</summary>
    public static string HotMethods => Path.Combine(Root, "src", "FisExtension", "hot-methods.txt");

    public static string Wrapper => Path.Combine(Root, "layer", "aws-fis", "bootstrap");

    public static string Functions => Path.Combine(Root, "tests", "functions");

    public static string Shared => Path.Combine(Root, "..", "shared");

    public static string RequireLayerExtension() => Require(LayerExtension);

    public static string RequireExtensionBinary() => Require(ExtensionBinary);

    private static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: run scripts/build-layer.sh (scripts/test.sh does) before these tests.");
}
