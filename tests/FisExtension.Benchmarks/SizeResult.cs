namespace FisExtension.Benchmarks;

/// <summary>
/// What a function pays in deployment size for the layer: the extension's binary, the launcher Lambda starts from
/// <c>extensions/</c> (null when the benchmark was given the extension itself), and the zip.
/// </summary>
internal sealed record SizeResult(long BinaryBytes, long? LauncherBytes, long? LayerZipBytes)
{
    public long BinariesBytes => BinaryBytes + (LauncherBytes ?? 0);
}
