namespace FisExtension.Benchmarks;

/// <summary>Resident memory of the extension after registering, forwarding some requests and idling (kB from <c>/proc/&lt;pid&gt;/status</c>).</summary>
internal sealed record MemoryResult(int ForwardedPairs, int IdleMilliseconds, long IdleRssKiB, long PeakRssKiB, long RssAnonKiB, long RssFileKiB);
