using System.Collections.Immutable;

namespace FisExtension.Faults;

/// <summary>An immutable set of fault definitions, swapped whole by the poller and read lock-free by the proxy.</summary>
internal sealed record FaultSnapshot(ImmutableArray<FaultDefinition> Faults)
{
    public static FaultSnapshot Empty { get; } = new(ImmutableArray<FaultDefinition>.Empty);

    /// <summary>
    /// This snapshot's version of <paramref name="fault"/> (same object key, same kind), possibly rewritten since;
    /// null once the object is gone or has ended.
    /// </summary>
    public FaultDefinition? Latest(FaultDefinition fault)
    {
        foreach (var candidate in Faults)
        {
            if (candidate.Kind == fault.Kind && string.Equals(candidate.Key, fault.Key, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="fault"/> is still listed and inside its window at <paramref name="now"/>.</summary>
    public bool StillActive(FaultDefinition fault, DateTimeOffset now) => Latest(fault)?.IsActiveAt(now) ?? false;
}
