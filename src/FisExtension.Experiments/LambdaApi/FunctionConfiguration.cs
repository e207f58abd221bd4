namespace FisExtension.Experiments.LambdaApi;

/// <summary>The parts of Lambda's <c>FunctionConfiguration</c> that target resolution reads.</summary>
public sealed record FunctionConfiguration
{
    public string? FunctionName { get; init; }

    public string? FunctionArn { get; init; }

    public FunctionEnvironment? Environment { get; init; }
}
