using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace FisExtension.Configuration;

/// <summary>Builds the S3 client from the options: Lambda's credentials and Region, an optional S3-compatible endpoint.</summary>
internal static class S3ClientFactory
{
    // Each request is bounded, so that a poll against an unreachable store ends well before the next one is due.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A region for signing when only an S3-compatible endpoint is given.</summary>
    private const string DefaultSigningRegion = "us-east-1";

    public static IAmazonS3 Create(ExtensionOptions options, HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonS3Config
        {
            Timeout = RequestTimeout,

            // The poller is the retry loop: one request per poll keeps polls cheap and their count predictable.
            MaxErrorRetry = 0,

            // Checksums protect uploads; these objects are small and only read.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };

        if (options.S3EndpointUrl is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region ?? DefaultSigningRegion;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region ?? DefaultSigningRegion);
        }

        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonS3Client(Credentials(options.AwsCredentials), config);
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
