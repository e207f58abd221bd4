using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FisExtension.Contract.Stores;

namespace FisExtension.Contract.Aws;

/// <summary>
/// AWS Signature Version 4 for the header form (AWS General Reference, "Create a signed AWS API request"): signs
/// <c>host</c>, <c>x-amz-date</c>, for S3 <c>x-amz-content-sha256</c>, and with temporary credentials
/// <c>x-amz-security-token</c>.
/// </summary>
public static class SigV4Signer
{
    public const string S3Service = "s3";

    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string Terminator = "aws4_request";

    public static async Task SignAsync(HttpRequestMessage request, AwsAccessKeys keys, string region, string service, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, keys, region, service, now, SHA256.HashData(body));
    }

    /// <summary>Signs a request whose payload hash is known, e.g. a GET's hash of nothing.</summary>
    public static void Sign(HttpRequestMessage request, AwsAccessKeys keys, string region, string service, DateTimeOffset now, byte[] payloadSha256)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = Hex(payloadSha256);
        var s3 = service == S3Service;

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? uri.Authority,
            ["x-amz-date"] = amzDate,
        };
        Set(request, AwsHeaders.AmzDate, amzDate);
        if (s3)
        {
            headers["x-amz-content-sha256"] = payloadHash;
            Set(request, AwsHeaders.ContentSha256, payloadHash);
        }

        if (keys.SessionToken is { } token)
        {
            headers["x-amz-security-token"] = token;
            Set(request, AwsHeaders.SecurityToken, token);
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            request.Method.Method,
            CanonicalPath(uri.AbsolutePath, s3),
            CanonicalQuery(uri.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            payloadHash);

        var scope = $"{date}/{region}/{service}/{Terminator}";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + keys.SecretAccessKey), date), region), service), Terminator);
        Set(request, AwsHeaders.Authorization,
            $"{Algorithm} Credential={keys.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={Hex(Hmac(key, stringToSign))}");
    }

    /// <summary>
    /// Every service but S3 encodes the already-encoded path once more (the "double encoding" of the SigV4 rules); S3
    /// signs each segment encoded exactly once, whatever escaping the URI used.
    /// </summary>
    private static string CanonicalPath(string escapedPath, bool s3) =>
        escapedPath.Length == 0 ? "/"
        : string.Join('/', escapedPath.Split('/').Select(segment => AwsUriEncoding.Encode(s3 ? Uri.UnescapeDataString(segment) : segment)));

    private static string CanonicalQuery(string query) => string.Join('&', query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(parts => (Key: AwsUriEncoding.Encode(Uri.UnescapeDataString(parts[0])), Value: AwsUriEncoding.Encode(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "")))
        .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Key}={p.Value}"));

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
