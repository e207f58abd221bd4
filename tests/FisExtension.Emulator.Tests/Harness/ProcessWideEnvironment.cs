namespace FisExtension.Emulator.Tests.Harness;

/// <summary>
/// Tests that set one of the test process's own environment variables: every function that any other test starts
/// meanwhile would inherit it (the emulator passes its credentials through), so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideEnvironment
{
    public const string Name = "process-wide environment";
}
