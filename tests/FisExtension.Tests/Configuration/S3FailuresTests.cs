using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration;

public class S3FailuresTests
{
    private static readonly S3ConfigurationLocation Location = new("my-bucket", "FisConfigs/");
    private const string FunctionPrefix = "FisConfigs/my-function/";

    [Fact]
    public void AccessDenied_NamesTheExactPermissionsWithThePrefixCondition()
    {
        var failure = Describe(new AmazonS3Exception("Access Denied") { ErrorCode = "AccessDenied", StatusCode = HttpStatusCode.Forbidden });

        Assert.Equal("AccessDenied", failure?.Reason);
        Assert.Equal(
            "Allow the function's execution role s3:ListBucket on arn:aws:s3:::my-bucket with the condition \"StringLike\": {\"s3:prefix\": \"FisConfigs/my-function/*\"}, and s3:GetObject on arn:aws:s3:::my-bucket/FisConfigs/my-function/*.",
            failure?.Remedy);
    }

    [Fact]
    public void ForbiddenWithoutCode_IsTreatedAsAccessDenied() =>
        Assert.Contains("s3:ListBucket", Describe(new AmazonS3Exception("Forbidden") { StatusCode = HttpStatusCode.Forbidden })?.Remedy);

    [Fact]
    public void ExpiredToken_SaysTheCredentialsWereRefused() =>
        Assert.Equal("ExpiredToken", Describe(new AmazonS3Exception("expired") { ErrorCode = "ExpiredToken", StatusCode = HttpStatusCode.BadRequest })?.Reason);

    [Fact]
    public void NoRoute_PointsAtTheVpcEndpointOrNatGateway()
    {
        var failure = Describe(new HttpRequestException("Connection timed out", new SocketException((int)SocketError.TimedOut)));

        Assert.StartsWith("could not reach S3", failure?.Reason);
        Assert.Contains("gateway VPC endpoint for S3 or a NAT gateway", failure?.Remedy);
    }

    [Fact]
    public void CancellationTheCallerAskedFor_IsNotAFailure()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(S3Failures.Describe(new OperationCanceledException(), Location, FunctionPrefix, cancelled.Token));
    }

    [Fact]
    public void CancellationNobodyAskedFor_IsATimeout() =>
        Assert.Equal("timeout", Describe(new TaskCanceledException())?.Reason);

    [Fact]
    public void UnexpectedException_IsLeftToPropagateAsABug() =>
        Assert.Null(Describe(new NullReferenceException()));

    private static StoreFailure? Describe(Exception exception) => S3Failures.Describe(exception, Location, FunctionPrefix, CancellationToken.None);
}
