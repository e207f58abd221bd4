namespace FisExtension.Contract.S3;

/// <summary>An element of an S3 answer: its local name, its own text (entities decoded), its child elements.</summary>
public sealed class S3XmlElement(string name, string text, IReadOnlyList<S3XmlElement> children)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    public IReadOnlyList<S3XmlElement> Children { get; } = children;

    public IEnumerable<S3XmlElement> All(string name) => Children.Where(child => child.Name == name);

    /// <summary>The text of the first child of that name, or null when there is none.</summary>
    public string? TextOf(string name) => Children.FirstOrDefault(child => child.Name == name)?.Text;
}
