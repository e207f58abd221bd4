namespace FisExtension.Benchmarks;

internal static class SizeBenchmark
{
    public static SizeResult Measure(BenchOptions options) =>
        new(new FileInfo(options.BinaryPath).Length, File.Exists(options.LayerPath) ? new FileInfo(options.LayerPath).Length : null);
}
