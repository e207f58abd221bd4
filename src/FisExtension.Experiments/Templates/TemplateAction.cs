namespace FisExtension.Experiments.Templates;

/// <summary>A named action: one of the three Lambda fault actions on one target, or a wait, for <see cref="Duration"/>.</summary>
public sealed record TemplateAction
{
    public required string Name { get; init; }

    public required string ActionId { get; init; }

    public string? Description { get; init; }

    /// <summary>The parameters exactly as written (strings, as FIS takes them), <c>duration</c> included.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Null for <c>aws:fis:wait</c>, which acts on nothing.</summary>
    public required string? TargetName { get; init; }

    public IReadOnlyList<string> StartAfter { get; init; } = [];
}
