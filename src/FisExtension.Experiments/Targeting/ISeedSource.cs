namespace FisExtension.Experiments.Targeting;

/// <summary>Where the selection seed comes from when the user does not fix one with <c>--seed</c>.</summary>
public interface ISeedSource
{
    int NextSeed();
}
