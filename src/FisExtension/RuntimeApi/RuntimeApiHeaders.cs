namespace FisExtension.RuntimeApi;

/// <summary>Header names of the Runtime API. HTTP header look-ups are case-insensitive.</summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
    public const string FunctionErrorBody = "Lambda-Runtime-Function-Error-Body";
    public const string ResponseMode = "Lambda-Runtime-Function-Response-Mode";

    /// <summary>Value of <see cref="ResponseMode"/> for a streamed response.</summary>
    public const string StreamingResponseMode = "streaming";

    /// <summary>The HTTP header announcing trailers, which a streamed response uses for mid-stream errors.</summary>
    public const string Trailer = "Trailer";
}
