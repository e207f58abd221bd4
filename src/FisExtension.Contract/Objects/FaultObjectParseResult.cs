
namespace FisExtension.Contract.Objects;

/// <summary>
/// What one object turned out to be: a fault definition, an object with an unknown <c>actionId</c> (skipped with a
/// warning), or an invalid object with every problem found.
/// </summary>
public sealed record FaultObjectParseResult
{
    public FaultDefinition? Definition { get; private init; }

    public string? UnknownActionId { get; private init; }

    public IReadOnlyList<string> Problems { get; private init; } = [];

    public static FaultObjectParseResult Valid(FaultDefinition definition) => new() { Definition = definition };

    public static FaultObjectParseResult Unknown(string actionId) => new() { UnknownActionId = actionId };

    public static FaultObjectParseResult Invalid(IReadOnlyList<string> problems) => new() { Problems = problems };
}
