using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using FisExtension.Contract.Locations;
using FisExtension.Contract.S3;

namespace FisExtension.Contract.Stores;

/// <summary>Turns what the S3 client throws at a writer into one message: what failed, why, and what to change.</summary>
internal static class S3WriteFailures
{
    /// <summary>Null for cancellation the caller asked for, which is not a failure but a stop.</summary>
    public static FaultObjectStoreException? Describe(Exception exception, string verb, S3ConfigurationLocation location, string key, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var what = $"could not {verb} {location.ShowKey(key)}";
        var permissions =
            $"Allow the credentials fisctl runs with s3:PutObject, s3:DeleteObject and s3:GetObject on arn:aws:s3:::{location.Bucket}/{location.Prefix}*, and s3:ListBucket on arn:aws:s3:::{location.Bucket}.";
        var message = exception switch
        {
            AmazonS3Exception { ErrorCode: S3ErrorCodes.NoSuchBucket } =>
                $"{what}: bucket \"{location.Bucket}\" does not exist (NoSuchBucket). Create it, or fix the location.",
            AmazonS3Exception { ErrorCode: { } code } when S3ErrorCodes.CredentialErrors.Contains(code) =>
                $"{what}: S3 refused the credentials ({code}). Check {StoreEnvironmentVariables.AccessKeyId}, {StoreEnvironmentVariables.SecretAccessKey} and {StoreEnvironmentVariables.SessionToken}.",
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } denied =>
                $"{what}: {denied.ErrorCode ?? "AccessDenied"}. {permissions}",
            AmazonServiceException service =>
                $"{what}: S3 answered {(int)service.StatusCode} {service.ErrorCode} ({service.Message}).",
            OperationCanceledException or TimeoutException =>
                $"{what}: S3 did not answer in time. Check {StoreEnvironmentVariables.EndpointUrlS3} (or {StoreEnvironmentVariables.EndpointUrl}) and the network.",
            HttpRequestException or SocketException or IOException =>
                $"{what}: S3 could not be reached ({exception.Message}). Check {StoreEnvironmentVariables.EndpointUrlS3} (or {StoreEnvironmentVariables.EndpointUrl}) and the network.",
            AmazonClientException { InnerException: HttpRequestException or SocketException or IOException } client =>
                $"{what}: S3 could not be reached ({client.InnerException!.Message}). Check {StoreEnvironmentVariables.EndpointUrlS3} (or {StoreEnvironmentVariables.EndpointUrl}) and the network.",
            AmazonClientException client =>
                $"{what}: {client.Message}. Check {StoreEnvironmentVariables.Region}, {StoreEnvironmentVariables.EndpointUrlS3} and {StoreEnvironmentVariables.EndpointUrl}.",
            _ => null,
        };
        return message is null ? null : new FaultObjectStoreException(message, exception);
    }
}
