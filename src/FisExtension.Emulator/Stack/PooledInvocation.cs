using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Stack;

/// <summary>An invocation running in one of a pool's environments: its live state (null when init failed) and the
/// result, known once the invoke phase ended (the REPORT line written).</summary>
internal sealed record PooledInvocation(LambdaEmulator Environment, string RequestId, Invocation? Invocation, Task<InvocationResult> Result)
{
    /// <summary>The function's answer as soon as the runtime posted it, as Lambda returns it to a synchronous caller
    /// without waiting for the extensions' post-invoke work.</summary>
    public async Task<(byte[] Payload, string ContentType, string? FunctionError)> AnswerAsync()
    {
        if (Invocation is { } invocation)
        {
            var head = await invocation.Head.ConfigureAwait(false);
            await invocation.Tail.ConfigureAwait(false);
            return (invocation.BodyBytes(), head.ContentType, head.FunctionError);
        }
        var result = await Result.ConfigureAwait(false);
        return (result.Payload, result.ContentType ?? ContentTypes.Json, result.FunctionError);
    }
}
