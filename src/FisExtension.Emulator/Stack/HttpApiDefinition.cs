namespace FisExtension.Emulator.Stack;

/// <summary>The stack's one HTTP API: its routes, each to a function.</summary>
public sealed record HttpApiDefinition
{
    public IReadOnlyList<HttpRoute> Routes { get; init; } = [];
}
