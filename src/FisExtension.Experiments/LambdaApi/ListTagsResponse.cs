namespace FisExtension.Experiments.LambdaApi;

/// <summary>The answer of <c>ListTags</c>.</summary>
public sealed record ListTagsResponse
{
    public Dictionary<string, string>? Tags { get; init; }
}
