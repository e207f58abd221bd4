using System.Security.Cryptography;

namespace FisExtension.Experiments.Targeting;

/// <summary>An unpredictable non-negative seed; it is printed, so any run can be repeated with <c>--seed</c>.</summary>
public sealed class CryptoSeedSource : ISeedSource
{
    public int NextSeed() => RandomNumberGenerator.GetInt32(int.MaxValue);
}
