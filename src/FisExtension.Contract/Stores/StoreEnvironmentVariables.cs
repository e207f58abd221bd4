namespace FisExtension.Contract.Stores;

/// <summary>The environment variables that say where the configuration lives and how to reach S3, read alike by the extension and fisctl.</summary>
public static class StoreEnvironmentVariables
{
    /// <summary>Documented by AWS for the FIS extension (fis-lambda-actions.md §2).</summary>
    public const string ConfigurationLocation = "AWS_FIS_CONFIGURATION_LOCATION";

    // Set by Lambda; the standard variables of every AWS SDK's credential chain.
    public const string Region = "AWS_REGION";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";

    // The AWS SDKs' standard endpoint overrides, for S3-compatible stores.
    public const string EndpointUrlS3 = "AWS_ENDPOINT_URL_S3";
    public const string EndpointUrl = "AWS_ENDPOINT_URL";

    // The AWS SDKs' standard switches to S3's FIPS and dual-stack (IPv6) endpoints.
    public const string UseFipsEndpoint = "AWS_USE_FIPS_ENDPOINT";
    public const string UseDualStackEndpoint = "AWS_USE_DUALSTACK_ENDPOINT";
}
