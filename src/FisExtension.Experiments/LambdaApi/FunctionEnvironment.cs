namespace FisExtension.Experiments.LambdaApi;

/// <summary>Lambda's <c>EnvironmentResponse</c>: the function's variables.</summary>
public sealed record FunctionEnvironment
{
    public Dictionary<string, string>? Variables { get; init; }
}
