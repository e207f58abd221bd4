namespace FisExtension.Emulator.Protocol;

/// <summary>Header names of the three APIs. Look-ups through ASP.NET Core header dictionaries are case-insensitive.</summary>
internal static class ApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
    public const string FunctionErrorBody = "Lambda-Runtime-Function-Error-Body";
    public const string FunctionXRayErrorCause = "Lambda-Runtime-Function-XRay-Error-Cause";
    public const string ResponseMode = "Lambda-Runtime-Function-Response-Mode";
    public const string ResponseModeStreaming = "streaming";

    public const string ExtensionName = "Lambda-Extension-Name";
    public const string ExtensionIdentifier = "Lambda-Extension-Identifier";
    public const string ExtensionAcceptFeature = "Lambda-Extension-Accept-Feature";
    public const string ExtensionErrorType = "Lambda-Extension-Function-Error-Type";
    public const string ExtensionEventIdentifier = "Lambda-Extension-Event-Identifier";

    public const string InvocationType = "X-Amz-Invocation-Type";
    public const string InvokeClientContext = "X-Amz-Client-Context";
    public const string InvokeTraceId = "X-Amzn-Trace-Id";
    public const string FunctionError = "X-Amz-Function-Error";
    public const string ExecutedVersion = "X-Amz-Executed-Version";
    public const string AmznRequestId = "X-Amzn-RequestId";
    public const string LogType = "X-Amz-Log-Type";
    public const string LogTypeTail = "Tail";
    public const string LogResult = "X-Amz-Log-Result";
    public const string AmznErrorType = "X-Amzn-ErrorType";
    public const string RetryAfter = "Retry-After";
    public const string ApiGatewayRequestId = "Apigw-Requestid";
    public const string Trailer = "Trailer";
    public const string TransferEncoding = "Transfer-Encoding";
}
