using FisExtension.Contract.Locations;
using FisExtension.Contract.S3;

namespace FisExtension.Contract.Stores;

/// <summary>Fault configuration objects in S3: one ListObjectsV2 of the function's prefix, and GetObject per new version.</summary>
public sealed class S3FaultConfigurationStore(S3RestClient s3, S3ConfigurationLocation location, string functionName) : IFaultConfigurationStore, IDisposable
{
    // Only the objects directly under the function's prefix, as for a directory.
    private const string Delimiter = "/";

    public string Description => "S3";

    public string FunctionPrefix { get; } = location.FunctionPrefix(functionName);

    public string FunctionLocation => location.ShowKey(FunctionPrefix);

    public Task<StoreResult<StoreListing>> ListAsync(CancellationToken cancellationToken) => ListAsync(FunctionPrefix, cancellationToken);

    public Task<StoreResult<StoreListing>> ListRootAsync(CancellationToken cancellationToken) => ListAsync(location.Prefix, cancellationToken);

    private async Task<StoreResult<StoreListing>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        try
        {
            var listing = await s3.ListObjectsV2Async(location.Bucket, prefix, Delimiter, cancellationToken).ConfigureAwait(false);
            return StoreResult<StoreListing>.Success(new StoreListing(listing.Objects, listing.CommonPrefixes.Select(location.ShowKey).ToList()));
        }
        catch (Exception exception) when (S3Failures.Describe(exception, location, FunctionPrefix, s3.SigningRegion, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    public async Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return StoreResult<byte[]?>.Success(await s3.GetObjectAsync(location.Bucket, key, maxBytes, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (S3Failures.Describe(exception, location, FunctionPrefix, s3.SigningRegion, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    public void Dispose() => s3.Dispose();
}
