namespace FisExtension.Experiments.LambdaApi;

/// <summary>The body of a Lambda API error: <c>{"Type":"User","Message":"..."}</c> (some services write <c>message</c>).</summary>
public sealed record LambdaErrorResponse
{
    public string? Type { get; init; }

    public string? Message { get; init; }
}
