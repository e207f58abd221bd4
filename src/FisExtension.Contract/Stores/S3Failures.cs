using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using FisExtension.Contract.Locations;

namespace FisExtension.Contract.Stores;

/// <summary>Turns what the S3 client throws into a short reason and a remedy the function's owner can act on.</summary>
public static class S3Failures
{
    public const string NoSuchKey = "NoSuchKey";
    private const string AccessDenied = "AccessDenied";
    internal const string NoSuchBucket = "NoSuchBucket";

    /// <summary>The error codes with which S3 refuses credentials, whoever presents them.</summary>
    internal static readonly string[] CredentialErrors =
        ["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"];

    /// <summary>Null for cancellation the caller asked for, which is not a failure but a stop.</summary>
    public static StoreFailure? Describe(Exception exception, S3ConfigurationLocation location, string functionPrefix, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var permissions =
            $"Allow the function's execution role s3:ListBucket on arn:aws:s3:::{location.Bucket} with the condition " +
            $"\"StringLike\": {{\"s3:prefix\": \"{functionPrefix}*\"}}, and s3:GetObject on arn:aws:s3:::{location.Bucket}/{functionPrefix}*.";

        return exception switch
        {
            AmazonS3Exception { ErrorCode: AccessDenied } =>
                new StoreFailure(AccessDenied, permissions),
            AmazonS3Exception { ErrorCode: NoSuchBucket } =>
                new StoreFailure(NoSuchBucket, $"Bucket \"{location.Bucket}\" does not exist. Check {StoreEnvironmentVariables.ConfigurationLocation}."),
            AmazonS3Exception { ErrorCode: { } code } when CredentialErrors.Contains(code) =>
                new StoreFailure(code, "S3 refused the function's credentials. Check that the execution role's temporary credentials are passed unchanged (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)."),
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 =>
                new StoreFailure(s3.ErrorCode ?? AccessDenied, permissions),
            AmazonServiceException service =>
                new StoreFailure(service.ErrorCode ?? $"HTTP {(int)service.StatusCode}", $"S3 answered {(int)service.StatusCode} ({service.Message}). Polling carries on."),
            OperationCanceledException or TimeoutException =>
                new StoreFailure("timeout", Unreachable),
            HttpRequestException or SocketException or IOException =>
                new StoreFailure($"could not reach S3 ({exception.Message})", Unreachable),
            AmazonClientException { InnerException: HttpRequestException or SocketException or IOException } client =>
                new StoreFailure($"could not reach S3 ({client.InnerException!.Message})", Unreachable),
            AmazonClientException client =>
                new StoreFailure($"S3 client error ({client.Message})", "Check AWS_REGION and the endpoint variables AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL."),
            _ => null,
        };
    }

    private const string Unreachable =
        "A function in a VPC needs a route to S3: a gateway VPC endpoint for S3 or a NAT gateway. Polling carries on.";
}
