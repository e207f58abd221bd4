using System.Net;
using System.Security.Cryptography;
using System.Text;
using FisExtension.Contract.Aws;
using FisExtension.Contract.Stores;

namespace FisExtension.Contract.S3;

/// <summary>
/// The two S3 reads the extension makes, ListObjectsV2 and GetObject, as SigV4-signed GETs (S3 API Reference). Written
/// here rather than taken from AWSSDK.S3, which cost the extension's binary 2.8 MB (README, Overhead); fisctl
/// writes through AWSSDK.S3. One attempt per request, each bounded to 10 s from sending it to the end of its body:
/// the extension's poller is the retry loop.
/// </summary>
public sealed class S3RestClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    // A page of 1,000 keys as FIS writes them is a few hundred kilobytes; an error document is a few hundred bytes.
    private const int MaxListingBytes = 4 * 1024 * 1024;
    private const int MaxErrorBytes = 64 * 1024;
    private static readonly byte[] EmptyPayloadSha256 = SHA256.HashData([]);

    private readonly S3Endpoint _endpoint;
    private readonly AwsAccessKeys? _keys;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;

    /// <summary>Throws <see cref="ArgumentException"/> for a connection whose endpoint or Region cannot be used.</summary>
    public S3RestClient(S3Connection connection, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _endpoint = S3Endpoint.From(connection);
        _keys = connection.Credentials;
        _time = time;
        // S3 answers a request for another Region with a 301 that names the Region; it is reported, not followed.
        // The timeout is each request's own (BoundedAsync), which covers reading the body as HttpClient's does not.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string SigningRegion => _endpoint.SigningRegion;

    /// <summary>The first page (up to 1,000 keys) of the objects under a prefix, rolled up at the delimiter.</summary>
    public Task<S3Listing> ListObjectsV2Async(string bucket, string prefix, string delimiter, CancellationToken cancellationToken) =>
        BoundedAsync(token => ListAsync(bucket, prefix, delimiter, token), cancellationToken);

    /// <summary>The object's bytes, at most <paramref name="maxBytes"/> + 1 of them (so a caller sees it is too large); null when there is no such key.</summary>
    public Task<byte[]?> GetObjectAsync(string bucket, string key, int maxBytes, CancellationToken cancellationToken) =>
        BoundedAsync(token => GetAsync(bucket, key, maxBytes, token), cancellationToken);

    /// <summary>Runs one request under its timeout; a timeout surfaces as cancellation the caller did not ask for.</summary>
    private async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        return await request(linked.Token).ConfigureAwait(false);
    }

    private async Task<S3Listing> ListAsync(string bucket, string prefix, string delimiter, CancellationToken cancellationToken)
    {
        var query = $"?list-type=2&prefix={AwsUriEncoding.Encode(prefix)}&delimiter={AwsUriEncoding.Encode(delimiter)}";
        using var response = await SendAsync(_endpoint.For(bucket, "", query), cancellationToken).ConfigureAwait(false);
        await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, MaxListingBytes, cancellationToken).ConfigureAwait(false);
        if (body.Length > MaxListingBytes)
        {
            throw new FormatException($"S3's listing is larger than {MaxListingBytes} bytes.");
        }

        return S3Listing.Parse(S3XmlParser.Parse(Encoding.UTF8.GetString(body)));
    }

    private async Task<byte[]?> GetAsync(string bucket, string key, int maxBytes, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(_endpoint.For(bucket, key, ""), cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfFailedAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (S3ServiceException exception) when (exception.ErrorCode == S3ErrorCodes.NoSuchKey)
        {
            return null;
        }

        return await ReadAsync(response, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (_keys is not null)
        {
            SigV4Signer.Sign(request, _keys, _endpoint.SigningRegion, SigV4Signer.S3Service, _time.GetUtcNow(), EmptyPayloadSha256);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var headerRegion = response.Headers.TryGetValues(AwsHeaders.BucketRegion, out var values) ? values.FirstOrDefault() : null;
        S3XmlElement? error = null;
        try
        {
            var body = await ReadAsync(response, MaxErrorBytes, cancellationToken).ConfigureAwait(false);
            error = body.Length is > 0 and <= MaxErrorBytes ? S3XmlParser.Parse(Encoding.UTF8.GetString(body)) : null;
        }
        catch (FormatException)
        {
            // Not S3's error document (a proxy's page, say): the status alone is reported.
        }

        var status = (int)response.StatusCode;
        throw new S3ServiceException(
            response.StatusCode,
            error?.Name == "Error" ? error.TextOf("Code") : null,
            error?.Name == "Error" && error.TextOf("Message") is { Length: > 0 } message ? message : $"HTTP {status} {response.ReasonPhrase}",
            headerRegion ?? error?.TextOf("Region"));
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();
}
