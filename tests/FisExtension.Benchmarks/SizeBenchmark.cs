namespace FisExtension.Benchmarks;

internal static class SizeBenchmark
{
    public static SizeResult Measure(BenchOptions options) =>
        new(new FileInfo(options.BinaryPath).Length, File.Exists(options.LayerPath) ? Target(options.LayerPath).Length : null);

    // fis-extension-<arch>.zip links to the newest versioned zip: measure the zip, not the link.
    private static FileInfo Target(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path);
}
