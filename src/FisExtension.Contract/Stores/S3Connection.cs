namespace FisExtension.Contract.Stores;

/// <summary>
/// How to reach S3: the Region, an optional S3-compatible endpoint (path-style), and the access keys. A class, not a
/// record: a record's generated members would grow the extension's binary for nothing it uses.
/// </summary>
public sealed class S3Connection(string? region, string? endpointUrl, AwsAccessKeys? credentials)
{
    public string? Region { get; } = region;

    public string? EndpointUrl { get; } = endpointUrl;

    public AwsAccessKeys? Credentials { get; } = credentials;

    /// <summary>
    /// From the standard variables: <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_S3</c> else <c>AWS_ENDPOINT_URL</c>, and the
    /// key pair with its optional session token (none when the pair is incomplete). Blank values count as unset.
    /// </summary>
    public static S3Connection FromEnvironment(Func<string, string?> environment)
    {
        string? Get(string name) => string.IsNullOrWhiteSpace(environment(name)) ? null : environment(name)!.Trim();

        var credentials = Get(StoreEnvironmentVariables.AccessKeyId) is { } accessKeyId && Get(StoreEnvironmentVariables.SecretAccessKey) is { } secretAccessKey
            ? new AwsAccessKeys(accessKeyId, secretAccessKey, Get(StoreEnvironmentVariables.SessionToken))
            : null;
        return new S3Connection(
            Get(StoreEnvironmentVariables.Region),
            Get(StoreEnvironmentVariables.EndpointUrlS3) ?? Get(StoreEnvironmentVariables.EndpointUrl),
            credentials);
    }
}
