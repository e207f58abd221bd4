namespace FisExtension.Experiments.LambdaApi;

/// <summary>Header names of the Lambda REST API and of SigV4 (AWS General Reference, Signature Version 4).</summary>
public static class LambdaApiHeaders
{
    /// <summary>The error's type, e.g. <c>ResourceNotFoundException</c>, sometimes followed by <c>:</c> and a URL.</summary>
    public const string ErrorType = "X-Amzn-ErrorType";
    public const string ResourceNotFound = "ResourceNotFoundException";

    public const string Authorization = "Authorization";
    public const string AmzDate = "X-Amz-Date";
    public const string SecurityToken = "X-Amz-Security-Token";
    public const string Host = "Host";
}
