namespace FisExtension.Contract.Objects;

/// <summary>The three FIS Lambda actions. Two faults of one kind are "identical or conflicting" (fis-lambda-actions.md §1).</summary>
public enum FaultKind
{
    /// <summary><c>aws:lambda:invocation-add-delay</c>.</summary>
    StartDelay,

    /// <summary><c>aws:lambda:invocation-error</c>.</summary>
    InvocationError,

    /// <summary><c>aws:lambda:invocation-http-integration-response</c>.</summary>
    HttpIntegrationResponse,
}
