using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using FisExtension.Contract.Locations;
using FisExtension.Contract.S3;
using FisExtension.Contract.Objects;

namespace FisExtension.Contract.Stores;

/// <summary>Objects in S3: one PutObject per object (S3 shows a new object whole or not at all), DeleteObject, a paginated listing.</summary>
public sealed class S3FaultObjectWriter(IAmazonS3 s3, S3ConfigurationLocation location) : IFaultObjectWriter
{
    private const string JsonContentType = "application/json";

    public ConfigurationLocation Location => location;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(content.ToArray(), writable: false);
            // Not aws-chunked: S3-compatible stores such as s3rver would keep the chunk framing as part of the object.
            var request = new PutObjectRequest { BucketName = location.Bucket, Key = key, InputStream = body, ContentType = JsonContentType, AutoCloseStream = false, UseChunkEncoding = false };
            await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3WriteFailures.Describe(exception, "write", location, key, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            // S3 answers 204 whether or not the key existed: deleting what is gone succeeds, as it should.
            await s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = location.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3WriteFailures.Describe(exception, "delete", location, key, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = location.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception exception) when (S3WriteFailures.Describe(exception, "look up", location, key, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task<IReadOnlyList<string>> ListObjectKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        try
        {
            var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Prefix };
            do
            {
                var response = await s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);

                // SDK v4 leaves empty collections null.
                keys.AddRange((response.S3Objects ?? []).Select(o => o.Key).Where(k => k.EndsWith(FaultObjectSchema.FileExtension, StringComparison.Ordinal)));
                request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
            }
            while (request.ContinuationToken is not null);
        }
        catch (Exception exception) when (S3WriteFailures.Describe(exception, "list", location, location.Prefix, cancellationToken) is { } failure)
        {
            throw failure;
        }

        return keys;
    }

    public async Task<byte[]?> ReadAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = location.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return await BoundedRead.ReadAsync(response.ResponseStream, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == S3ErrorCodes.NoSuchKey)
        {
            return null;
        }
        catch (Exception exception) when (S3WriteFailures.Describe(exception, "read", location, key, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public void Dispose() => s3.Dispose();
}
