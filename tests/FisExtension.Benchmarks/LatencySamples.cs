namespace FisExtension.Benchmarks;

/// <summary>Every kept pair duration in microseconds, in the order measured, with the round it belonged to.</summary>
internal sealed record LatencySamples(string Name, IReadOnlyList<(int Round, double Microseconds)> Direct, IReadOnlyList<(int Round, double Microseconds)> Proxied);
