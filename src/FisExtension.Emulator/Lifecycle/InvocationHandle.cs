using System.Threading.Channels;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>An invocation under way: <see cref="Invocation"/> is null when init failed and <see cref="Result"/> is
/// already the init error. <see cref="Body"/> streams the response when the caller subscribed.</summary>
internal sealed record InvocationHandle(Invocation? Invocation, ChannelReader<ReadOnlyMemory<byte>>? Body, Task<InvocationResult> Result);
