namespace FisExtension.Experiments.Load.Artillery;

/// <summary>What fisctl reads of <c>artillery run --output FILE</c>: its intermediate periods, in time order. There are
/// no per-request records in it, only counts and latency quantiles per period.</summary>
public sealed record ArtilleryReport(string File, IReadOnlyList<ArtilleryPeriod> Periods)
{
    public DateTimeOffset Start => Periods[0].Start;

    public DateTimeOffset End => Periods[^1].End;
}
