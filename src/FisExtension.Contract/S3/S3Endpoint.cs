using FisExtension.Contract.Aws;
using FisExtension.Contract.Stores;

namespace FisExtension.Contract.S3;

/// <summary>
/// Where a bucket's objects are and the Region to sign for. An S3-compatible endpoint is addressed path-style; AWS S3
/// virtual-hosted style (<c>https://bucket.s3.region.amazonaws.com/key</c>), or path-style for a bucket name that is no
/// single DNS label, as the AWS SDKs do (S3 User Guide, "Virtual hosting of buckets"). The DNS suffix follows the
/// Region's partition; <c>AWS_USE_FIPS_ENDPOINT</c> and <c>AWS_USE_DUALSTACK_ENDPOINT</c> pick those endpoints.
/// </summary>
public sealed class S3Endpoint
{
    private const string DefaultRegion = "us-east-1";

    // The partitions other than "aws", by their Regions' prefix (the AWS SDKs' partitions.json).
    private static readonly (string RegionPrefix, string DnsSuffix)[] Partitions =
    [
        ("cn-", "amazonaws.com.cn"),
        ("us-isob-", "sc2s.sgov.gov"),
        ("us-isof-", "csp.hci.ic.gov"),
        ("us-iso-", "c2s.ic.gov"),
        ("eu-isoe-", "cloud.adc-e.uk"),
        ("eusc-", "amazonaws.eu"),
    ];

    private readonly string? _customBase;
    private readonly string _awsHost;

    private S3Endpoint(string signingRegion, string? customBase, string awsHost)
    {
        SigningRegion = signingRegion;
        _customBase = customBase;
        _awsHost = awsHost;
    }

    public string SigningRegion { get; }

    /// <summary>Throws <see cref="ArgumentException"/> for an endpoint that is no http(s) URL or a Region that is no Region name.</summary>
    public static S3Endpoint From(S3Connection connection)
    {
        var region = connection.Region ?? DefaultRegion;
        if (!IsRegionName(region))
        {
            throw new ArgumentException($"\"{region}\" is not a Region name such as eu-west-1");
        }

        if (connection.EndpointUrl is { } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            {
                throw new ArgumentException($"\"{endpoint}\" is not an http or https URL");
            }

            return new S3Endpoint(region, uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), "");
        }

        var dnsSuffix = Partitions.FirstOrDefault(p => region.StartsWith(p.RegionPrefix, StringComparison.Ordinal)).DnsSuffix ?? "amazonaws.com";
        var service = (connection.UseFipsEndpoint ? "s3-fips" : "s3") + (connection.UseDualStackEndpoint ? ".dualstack" : "");
        return new S3Endpoint(region, null, $"{service}.{region}.{dnsSuffix}");
    }

    /// <summary>The URL of an object (or, with an empty key, of the bucket) with the query as given, already encoded.</summary>
    public Uri For(string bucket, string key, string query)
    {
        // The bucket itself is "/bucket/" path-style (as AWSSDK.S3 writes it) and "/" virtual-hosted.
        var path = "/" + AwsUriEncoding.EncodePath(key);
        var url = _customBase is { } custom ? $"{custom}/{AwsUriEncoding.Encode(bucket)}{path}{query}"
            : IsVirtualHostable(bucket) ? $"https://{bucket}.{_awsHost}{path}{query}"
            : $"https://{_awsHost}/{AwsUriEncoding.Encode(bucket)}{path}{query}";

        // A key may hold "." and ".." segments, which a canonicalised URI would fold away.
        return new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    // Lower-case letters and digits in groups joined by single hyphens, e.g. eu-west-1. (No Regex: it would add its
    // engine to the extension's binary.)
    private static bool IsRegionName(string region) =>
        region.Length is > 0 and <= 63 && region.Split('-').All(part => part.Length > 0 && part.All(IsLowerAlphanumeric));

    // A bucket name that is one DNS label (no dots: they would not match S3's wildcard certificate).
    private static bool IsVirtualHostable(string bucket) =>
        bucket.Length is >= 3 and <= 63 && IsLowerAlphanumeric(bucket[0]) && IsLowerAlphanumeric(bucket[^1])
        && bucket.All(c => IsLowerAlphanumeric(c) || c == '-');

    private static bool IsLowerAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
