namespace FisExtension.Benchmarks;

/// <summary>
/// One invocation played by the runtime: its request id, the <c>GET /next</c> alone (request sent to the event
/// read whole) and the whole GET+POST pair, in microseconds.
/// </summary>
internal sealed record InvocationTiming(string RequestId, double NextMicroseconds, double PairMicroseconds);
