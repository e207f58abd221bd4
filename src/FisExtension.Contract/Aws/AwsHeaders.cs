namespace FisExtension.Contract.Aws;

/// <summary>Header names of SigV4 (AWS General Reference, "Elements of an AWS API request signature") and of S3's answers.</summary>
public static class AwsHeaders
{
    public const string Authorization = "Authorization";
    public const string AmzDate = "X-Amz-Date";
    public const string SecurityToken = "X-Amz-Security-Token";

    /// <summary>S3 requires the payload's SHA-256 on every SigV4 request (S3 API Reference, "Common request headers").</summary>
    public const string ContentSha256 = "X-Amz-Content-Sha256";

    /// <summary>The Region a bucket lives in, on S3's redirects and errors for a request sent to another Region.</summary>
    public const string BucketRegion = "X-Amz-Bucket-Region";
}
