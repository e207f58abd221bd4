namespace FisExtension.Benchmarks;

/// <summary>What the fake Runtime API received as the result of one invocation.</summary>
internal enum InvocationOutcome
{
    Response,

    /// <summary>An <c>/error</c> with <c>Lambda-Runtime-Function-Error-Type: FisInjectedError</c>.</summary>
    InjectedError,

    /// <summary>An <c>/error</c> with any other error type, or none.</summary>
    OtherError,
}
