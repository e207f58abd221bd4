using FisExtension.Experiments.LambdaApi;

namespace FisExtension.Experiments.Tests.LambdaApi;

/// <summary>Against the vectors of the AWS Signature Version 4 test suite (get-vanilla, get-vanilla-query-order-key-case).</summary>
public sealed class SigV4SignerTests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset ExampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static async Task<HttpRequestMessage> SignAsync(string url, AwsCredentials credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        await SigV4Signer.SignAsync(request, credentials, "us-east-1", "service", ExampleTime, CancellationToken.None);
        return request;
    }

    [Fact(Timeout = 10_000)]
    public async Task GetVanilla_MatchesTheAwsTestSuite()
    {
        var request = await SignAsync("https://example.amazonaws.com/", Example);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            request.Headers.GetValues("Authorization").Single());
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact(Timeout = 10_000)]
    public async Task QueryParameters_AreSortedBeforeSigning_AsTheTestSuiteExpects()
    {
        var request = await SignAsync("https://example.amazonaws.com/?Param2=value2&Param1=value1", Example);

        Assert.EndsWith("Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task SessionToken_IsSentAndSigned()
    {
        var request = await SignAsync("https://example.amazonaws.com/", Example with { SessionToken = "token-1" });

        Assert.Equal("token-1", request.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token, ", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", request.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
    }
}
