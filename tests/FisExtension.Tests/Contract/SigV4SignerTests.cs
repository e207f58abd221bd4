using System.Security.Cryptography;
using FisExtension.Contract.Aws;

namespace FisExtension.Tests.Contract;

/// <summary>
/// Against published vectors: the AWS Signature Version 4 test suite (get-vanilla, get-vanilla-query-order-key-case)
/// and the S3 API Reference's worked examples ("Signature Calculations for the Authorization Header: Transferring
/// Payload in a Single Chunk", GET Bucket and GET Bucket Lifecycle).
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsAccessKeys SuiteKeys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static readonly AwsAccessKeys S3ExampleKeys = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset S3ExampleTime = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    private static async Task<HttpRequestMessage> SignAsync(string url, AwsAccessKeys keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        await SigV4Signer.SignAsync(request, keys, "us-east-1", "service", SuiteTime, CancellationToken.None);
        return request;
    }

    private static HttpRequestMessage SignS3Get(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        SigV4Signer.Sign(request, S3ExampleKeys, "us-east-1", SigV4Signer.S3Service, S3ExampleTime, SHA256.HashData([]));
        return request;
    }

    private static string Authorization(HttpRequestMessage request) => request.Headers.GetValues("Authorization").Single();

    [Fact]
    public async Task GetVanilla_MatchesTheAwsTestSuite()
    {
        var request = await SignAsync("https://example.amazonaws.com/", SuiteKeys);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            Authorization(request));
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.False(request.Headers.Contains("X-Amz-Content-Sha256"));
    }

    [Fact]
    public async Task QueryParameters_AreSortedBeforeSigning_AsTheTestSuiteExpects()
    {
        var request = await SignAsync("https://example.amazonaws.com/?Param2=value2&Param1=value1", SuiteKeys);

        Assert.EndsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Authorization(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionToken_IsSentAndSigned()
    {
        var request = await SignAsync("https://example.amazonaws.com/", SuiteKeys with { SessionToken = "token-1" });

        Assert.Equal("token-1", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token, ", Authorization(request), StringComparison.Ordinal);
        Assert.DoesNotContain("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Authorization(request), StringComparison.Ordinal);
    }

    [Fact]
    public void S3ListObjects_MatchesTheS3ApiReferenceExample()
    {
        var request = SignS3Get("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J");

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
            Authorization(request));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", request.Headers.GetValues("X-Amz-Content-Sha256").Single());
    }

    [Fact]
    public void S3SubresourceWithoutValue_MatchesTheS3ApiReferenceExample() =>
        Assert.EndsWith(
            "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
            Authorization(SignS3Get("https://examplebucket.s3.amazonaws.com/?lifecycle")),
            StringComparison.Ordinal);

    [Fact]
    public void S3Path_IsSignedEncodedExactlyOnce_WhereOtherServicesEncodeTheEscapedPathAgain()
    {
        // A key with '+': the URI may carry it as it is or escaped. S3 signs both as "%2B"; other services sign the
        // escaped form encoded once more ("%252B"), so for them the two spellings are two different requests.
        static string Sign(string url, string service)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            SigV4Signer.Sign(request, S3ExampleKeys, "us-east-1", service, S3ExampleTime, SHA256.HashData([]));
            return Authorization(request)[^64..];
        }

        Assert.Equal(Sign("https://examplebucket.s3.amazonaws.com/a+b.json", "s3"), Sign("https://examplebucket.s3.amazonaws.com/a%2Bb.json", "s3"));
        Assert.NotEqual(Sign("https://example.amazonaws.com/a+b.json", "service"), Sign("https://example.amazonaws.com/a%2Bb.json", "service"));
    }

    private static string Signature(HttpRequestMessage request) => Authorization(request)[^64..];
}
