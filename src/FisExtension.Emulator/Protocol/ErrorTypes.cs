namespace FisExtension.Emulator.Protocol;

/// <summary>Error types the platform itself reports, spelled as Lambda spells them.</summary>
public static class ErrorTypes
{
    public const string Unhandled = "Unhandled";
    public const string RuntimeExitError = "Runtime.ExitError";
    public const string ExtensionCrash = "Extension.Crash";
    public const string ExtensionInitError = "Extension.InitError";
    public const string SandboxTimedOut = "Sandbox.Timedout";
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";
    public const string InvalidRequestId = "InvalidRequestID";
    public const string InvalidStateTransition = "InvalidStateTransition";
    public const string RequestTooLarge = "RequestEntityTooLarge";
    public const string RequestTooLargeException = "RequestEntityTooLargeException";
    public const string InvalidParameterValue = "InvalidParameterValueException";
    public const string Forbidden = "Extension.Forbidden";
    public const string InvalidRequest = "InvalidRequest";
    public const string NotFound = "NotFound";
    public const string ResourceNotFoundException = "ResourceNotFoundException";
    public const string InvalidRequestContentException = "InvalidRequestContentException";
    public const string TooManyRequestsException = "TooManyRequestsException";
    public const string ReservedConcurrencyExceeded = "ReservedFunctionConcurrentInvocationLimitExceeded";
    public const string MethodNotAllowed = "MethodNotAllowed";
}
