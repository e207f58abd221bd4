namespace FisExtension.Benchmarks;

/// <summary>What a function pays in deployment size for the layer.</summary>
internal sealed record SizeResult(long BinaryBytes, long? LayerZipBytes);
