using FisExtension.Experiments.Targeting;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Hands out one known seed, standing in for the unpredictable one.</summary>
public sealed class FixedSeedSource(int seed) : ISeedSource
{
    public int NextSeed() => seed;
}
