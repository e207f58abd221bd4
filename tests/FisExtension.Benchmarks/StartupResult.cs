namespace FisExtension.Benchmarks;

/// <summary>
/// Cold starts: process start to the register request arriving, and SHUTDOWN sent to process exit, once with no
/// runtime attached and once with the runtime waiting in <c>/next</c> through the proxy (as it is at spin-down).
/// </summary>
internal sealed record StartupResult(
    int Runs,
    Distribution StartToRegisteredMs,
    Distribution? ShutdownMs,
    Distribution? ShutdownWithNextInFlightMs,
    int ShutdownsOverBudget);
