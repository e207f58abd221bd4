using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator;

/// <summary>Per-invocation inputs, as the invoke API's headers carry them.</summary>
public sealed record InvokeOptions
{
    /// <summary>Client context JSON, passed to the runtime as <c>Lambda-Runtime-Client-Context</c>.</summary>
    public string? ClientContext { get; init; }

    /// <summary>Cognito identity JSON, passed as <c>Lambda-Runtime-Cognito-Identity</c>.</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>An X-Ray trace header; one is generated when null.</summary>
    public string? TraceId { get; init; }

    /// <summary><c>RequestResponse</c> (default), <c>Event</c> or <c>DryRun</c>.</summary>
    public string InvocationType { get; init; } = InvocationTypes.RequestResponse;
}
