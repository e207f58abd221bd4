using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using FisExtension.Contract.Locations;

namespace FisExtension.Contract.Stores;

/// <summary>Fault configuration objects in S3: one ListObjectsV2 of the function's prefix, and GetObject per new version.</summary>
public sealed class S3FaultConfigurationStore(IAmazonS3 s3, S3ConfigurationLocation location, string functionName) : IFaultConfigurationStore, IDisposable
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
            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = prefix, Delimiter = Delimiter };
            var response = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);

            // SDK v4 leaves empty collections null.
            var objects = response.S3Objects ?? [];
            var folders = response.CommonPrefixes ?? [];
            return StoreResult<StoreListing>.Success(new StoreListing(
                objects.Select(o => new StoredObject(o.Key, o.ETag ?? "", o.Size ?? 0)).ToList(),
                folders.Select(location.ShowKey).ToList()));
        }
        catch (Exception exception) when (S3Failures.Describe(exception, location, FunctionPrefix, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    public async Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = location.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return StoreResult<byte[]?>.Success(await BoundedRead.ReadAsync(response.ResponseStream, maxBytes, cancellationToken).ConfigureAwait(false));
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == S3Failures.NoSuchKey)
        {
            return StoreResult<byte[]?>.Success(null);
        }
        catch (Exception exception) when (S3Failures.Describe(exception, location, FunctionPrefix, cancellationToken) is { } failure)
        {
            return failure;
        }
    }

    public void Dispose() => s3.Dispose();
}
