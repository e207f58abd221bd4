using FisExtension.Experiments.LambdaApi;

namespace FisExtension.Experiments.Targeting;

/// <summary>A Lambda function as target resolution sees it: what to select it by and where its faults are read from.</summary>
public sealed record LambdaFunction
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? ConfigurationLocation => Environment.TryGetValue(AwsEnvironmentVariables.ConfigurationLocation, out var location) && location.Length > 0 ? location : null;
}
