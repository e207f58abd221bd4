namespace FisExtension.Tests.Configuration.Support;

/// <summary>
/// Tests that measure waits on the real clock run alone, after the others: CPU-heavy tests beside them (the fuzz
/// properties use every core) would make their timers late, which is no property of the code under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealClock
{
    public const string Name = "real clock";
}
