using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace FisExtension.Contract.Stores;

/// <summary>
/// Builds the AWSSDK.S3 client fisctl writes with, from a connection: its credentials and Region, an optional
/// S3-compatible endpoint (path-style). The extension reads with <see cref="S3.S3RestClient"/> instead.
/// </summary>
public static class S3ClientFactory
{
    // Each request is bounded, so that a poll against an unreachable store ends well before the next one is due.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A region for signing when only an S3-compatible endpoint is given.</summary>
    private const string DefaultSigningRegion = "us-east-1";

    /// <summary><paramref name="maxErrorRetry"/>: how often the SDK retries a put or delete that failed on the way.</summary>
    public static IAmazonS3 Create(S3Connection connection, int maxErrorRetry)
    {
        var config = new AmazonS3Config
        {
            Timeout = RequestTimeout,
            MaxErrorRetry = maxErrorRetry,

            // The objects are small JSON documents; a checksum only where S3 requires one keeps every request plain,
            // which S3-compatible stores (s3rver) take as AWS S3 does.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        if (connection.EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = connection.Region ?? DefaultSigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(connection.Region ?? DefaultSigningRegion);
        }

        return new AmazonS3Client(Credentials(connection.Credentials), config);
    }

    // Lambda always sets the keys; without them the SDK's default chain would probe instance metadata, which
    // only delays the inevitable AccessDenied, so anonymous requests fail fast and clearly instead.
    private static AWSCredentials Credentials(AwsAccessKeys? keys) => keys switch
    {
        null => new AnonymousAWSCredentials(),
        { SessionToken: { } token } => new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, token),
        _ => new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey),
    };
}
