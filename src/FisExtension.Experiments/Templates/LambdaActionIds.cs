namespace FisExtension.Experiments.Templates;

/// <summary>The FIS action ids for Lambda (fis-lambda-actions.md §1).</summary>
public static class LambdaActionIds
{
    public const string AddDelay = "aws:lambda:invocation-add-delay";
    public const string InvocationError = "aws:lambda:invocation-error";
    public const string HttpIntegrationResponse = "aws:lambda:invocation-http-integration-response";

    public static IReadOnlyList<string> All { get; } = [AddDelay, InvocationError, HttpIntegrationResponse];
}
