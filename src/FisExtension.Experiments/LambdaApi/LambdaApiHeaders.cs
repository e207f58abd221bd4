namespace FisExtension.Experiments.LambdaApi;

/// <summary>Header names of the Lambda REST API (SigV4's are in <see cref="FisExtension.Contract.Aws.AwsHeaders"/>).</summary>
public static class LambdaApiHeaders
{
    /// <summary>The error's type, e.g. <c>ResourceNotFoundException</c>, sometimes followed by <c>:</c> and a URL.</summary>
    public const string ErrorType = "X-Amzn-ErrorType";
    public const string ResourceNotFound = "ResourceNotFoundException";


    /// <summary>Invoke: ask for the last 4 KB of the invocation's log, base64, in <see cref="LogResult"/>.</summary>
    public const string LogType = "X-Amz-Log-Type";
    public const string LogTypeTail = "Tail";
    public const string LogResult = "X-Amz-Log-Result";

    /// <summary>Invoke: set (<c>Unhandled</c>, <c>Handled</c>) when the function failed; the status is still 200.</summary>
    public const string FunctionError = "X-Amz-Function-Error";
}
