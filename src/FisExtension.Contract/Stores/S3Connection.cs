namespace FisExtension.Contract.Stores;

/// <summary>
/// How to reach S3: the Region, an optional S3-compatible endpoint (path-style), FIPS and dual-stack endpoints, and the
/// access keys. A class, not a record: a record's generated members would grow the extension's binary for nothing it uses.
/// </summary>
public sealed class S3Connection(string? region, string? endpointUrl, AwsAccessKeys? credentials, bool useFipsEndpoint = false, bool useDualStackEndpoint = false)
{
    public string? Region { get; } = region;

    public string? EndpointUrl { get; } = endpointUrl;

    public AwsAccessKeys? Credentials { get; } = credentials;

    public bool UseFipsEndpoint { get; } = useFipsEndpoint;

    public bool UseDualStackEndpoint { get; } = useDualStackEndpoint;

    // Printed with the extension's options when debugging; the keys print themselves without their secrets.
    public override string ToString() =>
        $"S3Connection {{ Region = {Region}, EndpointUrl = {EndpointUrl}, Credentials = {Credentials}, UseFipsEndpoint = {UseFipsEndpoint}, UseDualStackEndpoint = {UseDualStackEndpoint} }}";

    /// <summary>
    /// From the standard variables: <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_S3</c> else <c>AWS_ENDPOINT_URL</c>,
    /// <c>AWS_USE_FIPS_ENDPOINT</c> and <c>AWS_USE_DUALSTACK_ENDPOINT</c> (<c>true</c>, as the AWS SDKs read them), and
    /// the key pair with its optional session token (none when the pair is incomplete). Blank values count as unset.
    /// </summary>
    public static S3Connection FromEnvironment(Func<string, string?> environment)
    {
        string? Get(string name) => EnvironmentValue.Get(environment, name);
        bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

        return new S3Connection(
            Get(StoreEnvironmentVariables.Region),
            Get(StoreEnvironmentVariables.EndpointUrlS3) ?? Get(StoreEnvironmentVariables.EndpointUrl),
            AwsAccessKeys.FromEnvironment(environment),
            IsTrue(StoreEnvironmentVariables.UseFipsEndpoint),
            IsTrue(StoreEnvironmentVariables.UseDualStackEndpoint));
    }
}
