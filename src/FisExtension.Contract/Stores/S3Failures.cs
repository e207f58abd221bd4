using System.Net;
using System.Net.Sockets;
using FisExtension.Contract.Locations;
using FisExtension.Contract.S3;

namespace FisExtension.Contract.Stores;

/// <summary>Turns what a read from S3 throws into a short reason and a remedy the function's owner can act on.</summary>
public static class S3Failures
{
    /// <summary>Null for cancellation the caller asked for, which is not a failure but a stop.</summary>
    public static StoreFailure? Describe(Exception exception, S3ConfigurationLocation location, string functionPrefix, string region, CancellationToken cancellationToken)
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
            S3ServiceException { ErrorCode: S3ErrorCodes.AccessDenied } =>
                new StoreFailure(S3ErrorCodes.AccessDenied, permissions),
            S3ServiceException { ErrorCode: S3ErrorCodes.NoSuchBucket } =>
                new StoreFailure(S3ErrorCodes.NoSuchBucket, $"Bucket \"{location.Bucket}\" does not exist. Check {StoreEnvironmentVariables.ConfigurationLocation}."),
            S3ServiceException { ErrorCode: { } code } when S3ErrorCodes.CredentialErrors.Contains(code) =>
                new StoreFailure(code, "S3 refused the function's credentials. Check that the execution role's temporary credentials are passed unchanged (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN)."),
            // S3 answers a request sent to the wrong Region with a redirect (301, 307) or AuthorizationHeaderMalformed (400)
            // naming the bucket's Region; other answers may carry x-amz-bucket-region too (MinIO sends it on each one).
            S3ServiceException { BucketRegion: { } bucketRegion, StatusCode: HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect or HttpStatusCode.BadRequest } s3
                when bucketRegion != region =>
                new StoreFailure(s3.ErrorCode ?? $"HTTP {(int)s3.StatusCode}",
                    $"Bucket \"{location.Bucket}\" is in {bucketRegion}, and the extension reads S3 in the function's Region, {region} ({StoreEnvironmentVariables.Region}). Keep the fault configuration in a bucket in {region}."),
            S3ServiceException { StatusCode: HttpStatusCode.Forbidden } s3 =>
                new StoreFailure(s3.ErrorCode ?? S3ErrorCodes.AccessDenied, permissions),
            S3ServiceException s3 =>
                new StoreFailure(s3.ErrorCode ?? $"HTTP {(int)s3.StatusCode}", $"S3 answered {(int)s3.StatusCode} ({s3.Message}). Polling carries on."),
            OperationCanceledException or TimeoutException =>
                new StoreFailure("timeout", Unreachable),
            HttpRequestException or SocketException or IOException =>
                new StoreFailure($"could not reach S3 ({exception.Message})", Unreachable),
            FormatException =>
                new StoreFailure($"the answer is not S3's ({exception.Message})",
                    $"Check {StoreEnvironmentVariables.EndpointUrlS3} / {StoreEnvironmentVariables.EndpointUrl}: unset for AWS S3, or the URL of an S3-compatible store. Polling carries on."),
            _ => null,
        };
    }

    private const string Unreachable =
        "A function in a VPC needs a route to S3: a gateway VPC endpoint for S3 or a NAT gateway. Polling carries on.";
}
