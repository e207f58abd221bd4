namespace FisExtension.Benchmarks;

/// <summary>
/// Cold starts: process start to the register request arriving, and SHUTDOWN sent to process exit: with no runtime
/// attached; with the runtime connected and waiting in <c>/next</c> through the proxy; and with the runtime having
/// dropped that <c>/next</c> just before SHUTDOWN. A null distribution means no run exited within the budget.
/// </summary>
internal sealed record StartupResult(
    int Runs,
    Distribution StartToRegisteredMs,
    Distribution? ShutdownMs,
    Distribution? ShutdownWithNextInFlightMs,
    Distribution? ShutdownAfterRuntimeLeftMs,
    int ShutdownsOverBudget);
