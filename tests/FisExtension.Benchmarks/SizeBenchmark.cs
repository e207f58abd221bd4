namespace FisExtension.Benchmarks;

internal static class SizeBenchmark
{
    public static SizeResult Measure(BenchOptions options)
    {
        var zip = File.Exists(options.LayerPath) ? Target(options.LayerPath).Length : (long?)null;
        var binary = new FileInfo(options.BinaryPath);
        return LayerLayout.ExtensionBehindLauncher(options.BinaryPath) is { } extension
            ? new SizeResult(new FileInfo(extension).Length, binary.Length, zip)
            : new SizeResult(binary.Length, null, zip);
    }

    // fis-extension-<arch>.zip links to the newest versioned zip: measure the zip, not the link.
    private static FileInfo Target(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path);
}
