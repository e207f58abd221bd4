using System.Net;

namespace FisExtension.Contract.S3;

/// <summary>S3 answered with an error: its HTTP status, the error's code and message, and the bucket's Region when S3 names it.</summary>
public sealed class S3ServiceException(HttpStatusCode statusCode, string? errorCode, string message, string? bucketRegion)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>S3's <c>Code</c>, e.g. <c>AccessDenied</c>; null when the answer had no error document.</summary>
    public string? ErrorCode { get; } = errorCode;

    /// <summary>From <c>x-amz-bucket-region</c> or the error's <c>Region</c>: where the bucket is, when the request went elsewhere.</summary>
    public string? BucketRegion { get; } = bucketRegion;
}
