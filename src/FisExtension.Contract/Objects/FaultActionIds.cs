namespace FisExtension.Contract.Objects;

/// <summary>The FIS action ids, as written in experiment templates and configuration objects.</summary>
public static class FaultActionIds
{
    public const string AddDelay = "aws:lambda:invocation-add-delay";
    public const string InvocationError = "aws:lambda:invocation-error";
    public const string HttpIntegrationResponse = "aws:lambda:invocation-http-integration-response";

    public static FaultKind? ToKind(string actionId) => actionId switch
    {
        AddDelay => FaultKind.StartDelay,
        InvocationError => FaultKind.InvocationError,
        HttpIntegrationResponse => FaultKind.HttpIntegrationResponse,
        _ => null,
    };
}
