namespace FisExtension.Experiments.LambdaApi;

/// <summary>One page of <c>ListFunctions</c>; <see cref="NextMarker"/> is set while more pages follow.</summary>
public sealed record ListFunctionsResponse
{
    public List<FunctionConfiguration>? Functions { get; init; }

    public string? NextMarker { get; init; }
}
