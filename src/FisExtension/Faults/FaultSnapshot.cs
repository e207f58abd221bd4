using System.Collections.Immutable;

namespace FisExtension.Faults;

/// <summary>An immutable set of fault definitions, swapped whole by the poller and read lock-free by the proxy.</summary>
internal sealed record FaultSnapshot(ImmutableArray<FaultDefinition> Faults)
{
    public static FaultSnapshot Empty { get; } = new(ImmutableArray<FaultDefinition>.Empty);
}
