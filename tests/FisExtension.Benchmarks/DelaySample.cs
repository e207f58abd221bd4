namespace FisExtension.Benchmarks;

/// <summary>One timed <c>GET /next</c> of the delay part.</summary>
internal readonly record struct DelaySample(int Round, double Second, double Milliseconds);
