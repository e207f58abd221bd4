using FisExtension.Emulator.Lifecycle;

namespace FisExtension.Emulator.Stack;

/// <summary>An invocation running in one of a pool's environments: its live state (null when init failed) and the
/// result, known once the invoke phase ended (the REPORT line written).</summary>
internal sealed record PooledInvocation(LambdaEmulator Environment, string RequestId, Invocation? Invocation, Task<InvocationResult> Result);
