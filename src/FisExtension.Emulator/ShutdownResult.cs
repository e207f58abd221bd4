namespace FisExtension.Emulator;

/// <summary>How a shutdown went.</summary>
public sealed record ShutdownResult
{
    public required string Reason { get; init; }

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<ExtensionShutdown> Extensions { get; init; } = [];

    /// <summary>The runtime did not exit on SIGTERM within its share of the budget.</summary>
    public bool RuntimeKilled { get; init; }
}
