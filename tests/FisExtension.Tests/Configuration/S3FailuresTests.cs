using System.Net;
using System.Net.Sockets;
using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration;

public class S3FailuresTests
{
    private static readonly S3ConfigurationLocation Location = new("my-bucket", "FisConfigs/");
    private const string FunctionPrefix = "FisConfigs/my-function/";
    private const string Region = "us-east-1";

    [Fact]
    public void AccessDenied_NamesTheExactPermissionsWithThePrefixCondition()
    {
        var failure = Describe(new S3ServiceException(HttpStatusCode.Forbidden, "AccessDenied", "Access Denied", null));

        Assert.Equal("AccessDenied", failure?.Reason);
        Assert.Equal(
            "Allow the function's execution role s3:ListBucket on arn:aws:s3:::my-bucket with the condition \"StringLike\": {\"s3:prefix\": \"FisConfigs/my-function/*\"}, and s3:GetObject on arn:aws:s3:::my-bucket/FisConfigs/my-function/*.",
            failure?.Remedy);
    }

    [Fact]
    public void ForbiddenWithoutCode_IsTreatedAsAccessDenied() =>
        Assert.Contains("s3:ListBucket", Describe(new S3ServiceException(HttpStatusCode.Forbidden, null, "HTTP 403 Forbidden", null))?.Remedy);

    [Fact]
    public void ExpiredToken_SaysTheCredentialsWereRefused() =>
        Assert.Equal("ExpiredToken", Describe(new S3ServiceException(HttpStatusCode.BadRequest, "ExpiredToken", "expired", null))?.Reason);

    [Fact]
    public void BucketInAnotherRegion_NamesBothRegions()
    {
        var failure = Describe(new S3ServiceException(HttpStatusCode.MovedPermanently, "PermanentRedirect", "The bucket you are attempting to access must be addressed using the specified endpoint.", "eu-west-1"));

        Assert.Equal("PermanentRedirect", failure?.Reason);
        Assert.Equal("Bucket \"my-bucket\" is in eu-west-1, and the extension reads S3 in the function's Region, us-east-1 (AWS_REGION). Keep the fault configuration in a bucket in us-east-1.", failure?.Remedy);
    }

    [Fact]
    public void RegionHeaderOnAnAnswerThatIsNoRedirect_IsNotTakenForTheWrongRegion() =>
        Assert.Contains("s3:ListBucket", Describe(new S3ServiceException(HttpStatusCode.Forbidden, "AccessDenied", "Access Denied", "eu-west-1"))?.Remedy);

    [Fact]
    public void OtherServiceError_ReportsStatusAndMessage_AndPollingCarriesOn()
    {
        var failure = Describe(new S3ServiceException(HttpStatusCode.ServiceUnavailable, "SlowDown", "Please reduce your request rate.", Region));

        Assert.Equal("SlowDown", failure?.Reason);
        Assert.Equal("S3 answered 503 (Please reduce your request rate.). Polling carries on.", failure?.Remedy);
    }

    [Fact]
    public void AnswerThatIsNotS3s_PointsAtTheEndpointVariables()
    {
        var failure = Describe(new FormatException("S3's answer is not well-formed XML: a missing name at character 1."));

        Assert.StartsWith("the answer is not S3's (S3's answer is not well-formed XML", failure?.Reason);
        Assert.Contains("AWS_ENDPOINT_URL_S3", failure?.Remedy);
    }

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

        Assert.Null(S3Failures.Describe(new OperationCanceledException(), Location, FunctionPrefix, Region, cancelled.Token));
    }

    [Fact]
    public void CancellationNobodyAskedFor_IsATimeout() =>
        Assert.Equal("timeout", Describe(new TaskCanceledException())?.Reason);

    [Fact]
    public void UnexpectedException_IsLeftToPropagateAsABug() =>
        Assert.Null(Describe(new NullReferenceException()));

    private static StoreFailure? Describe(Exception exception) => S3Failures.Describe(exception, Location, FunctionPrefix, Region, CancellationToken.None);
}
