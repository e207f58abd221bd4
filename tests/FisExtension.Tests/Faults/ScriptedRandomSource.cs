using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

/// <summary>Returns the given draws in order and fails the test on a draw nobody scripted.</summary>
internal sealed class ScriptedRandomSource(params double[] draws) : IRandomSource
{
    public int DrawCount { get; private set; }

    public double NextPercent()
    {
        if (DrawCount >= draws.Length)
        {
            throw new InvalidOperationException($"Draw number {DrawCount + 1} was not scripted; only {draws.Length} were.");
        }

        return draws[DrawCount++];
    }
}
