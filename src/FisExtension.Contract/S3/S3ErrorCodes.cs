namespace FisExtension.Contract.S3;

/// <summary>The error codes S3 answers with that the stores act on (S3 API Reference, "Error responses").</summary>
public static class S3ErrorCodes
{
    public const string NoSuchKey = "NoSuchKey";
    public const string NoSuchBucket = "NoSuchBucket";
    public const string AccessDenied = "AccessDenied";

    /// <summary>The codes with which S3 refuses credentials, whoever presents them.</summary>
    public static readonly string[] CredentialErrors =
        ["InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"];
}
