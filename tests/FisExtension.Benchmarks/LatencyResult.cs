namespace FisExtension.Benchmarks;

/// <summary>
/// One GET <c>/next</c> + POST <c>/response</c> pair, timed directly against the fake API and through the proxy in
/// interleaved blocks. Added and ratio compare medians; the extension's peak RSS is read after the run.
/// </summary>
internal sealed record LatencyResult(
    string Name,
    int ResponseBodyBytes,
    int BlockSize,
    int WarmupPairs,
    Distribution DirectUs,
    Distribution ProxiedUs,
    double AddedMedianUs,
    double AddedP90Us,
    double AddedP99Us,
    double MedianRatio,
    int Errors,
    string? FirstError,
    bool BodiesArrivedWhole,
    long ExtensionPeakRssKiB);
