using System.Collections.Immutable;

namespace FisExtension.Faults;

/// <summary>
/// Decides, per invocation, which active faults apply (fis-lambda-actions.md §1): faults of different kinds all
/// apply; of identical or conflicting faults only the one with the earliest start does, and each applying fault
/// draws its own percentage.
/// </summary>
internal sealed class FaultPlanner(IRandomSource random)
{
    public FaultPlan Plan(FaultSnapshot snapshot, DateTimeOffset now)
    {
        var delayWinner = EarliestActive(snapshot.Faults, now, ConflictGroup.Delay);
        var overrideWinner = EarliestActive(snapshot.Faults, now, ConflictGroup.Override);
        if (delayWinner is null && overrideWinner is null)
        {
            return FaultPlan.None;
        }

        // Draws happen in a fixed order (delay, then override) so that a seeded run is reproducible.
        var skipped = ImmutableArray.CreateBuilder<FaultDefinition>(0);
        var delay = Draw(delayWinner, skipped);
        var outcome = Draw(overrideWinner, skipped);
        return new FaultPlan(delay, outcome, skipped.ToImmutable());
    }

    private FaultDefinition? Draw(FaultDefinition? fault, ImmutableArray<FaultDefinition>.Builder skipped)
    {
        if (fault is null)
        {
            return null;
        }

        // NextPercent is in [0, 100), so 100 always hits and 0 never does; out-of-range values behave as clamped.
        if (random.NextPercent() < fault.InvocationPercentage)
        {
            return fault;
        }

        skipped.Add(fault);
        return null;
    }

    private static FaultDefinition? EarliestActive(ImmutableArray<FaultDefinition> faults, DateTimeOffset now, ConflictGroup group)
    {
        FaultDefinition? earliest = null;
        foreach (var fault in faults)
        {
            if (GroupOf(fault.Kind) != group || !fault.IsActiveAt(now))
            {
                continue;
            }

            if (earliest is null || StartsBefore(fault, earliest))
            {
                earliest = fault;
            }
        }

        return earliest;
    }

    // Ties on start time are broken by key so that every instance of the extension picks the same fault.
    private static bool StartsBefore(FaultDefinition candidate, FaultDefinition current) =>
        candidate.StartTime != current.StartTime
            ? candidate.StartTime < current.StartTime
            : string.CompareOrdinal(candidate.Key, current.Key) < 0;

    private static ConflictGroup GroupOf(FaultKind kind) => kind switch
    {
        FaultKind.StartDelay => ConflictGroup.Delay,
        FaultKind.InvocationError or FaultKind.HttpIntegrationResponse => ConflictGroup.Override,
        _ => ConflictGroup.None,
    };

    private enum ConflictGroup
    {
        None,
        Delay,
        Override,
    }
}
