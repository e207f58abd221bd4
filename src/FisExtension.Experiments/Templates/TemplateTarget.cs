namespace FisExtension.Experiments.Templates;

/// <summary>A named target: Lambda functions by ARN or by tags (never both, as FIS requires), and how many to pick.</summary>
public sealed record TemplateTarget
{
    public required string Name { get; init; }

    public IReadOnlyList<string> ResourceArns { get; init; } = [];

    /// <summary>A function matches when it carries every one of these tags with exactly this value.</summary>
    public IReadOnlyDictionary<string, string> ResourceTags { get; init; } = new Dictionary<string, string>();

    public required SelectionMode SelectionMode { get; init; }
}
