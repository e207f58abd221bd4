namespace FisExtension.Tests.Contract;

/// <summary>Where the S3 client sends a request, as the AWS SDKs' endpoint rules address buckets (S3 User Guide, "Virtual hosting of buckets").</summary>
public sealed class S3EndpointTests
{
    private static Uri For(S3Connection connection, string bucket, string key, string query = "") => S3Endpoint.From(connection).For(bucket, key, query);

    [Theory]
    [InlineData("eu-west-1", "https://fis-configs.s3.eu-west-1.amazonaws.com/FisConfigs/orders/EXP1-delay.json")]
    [InlineData(null, "https://fis-configs.s3.us-east-1.amazonaws.com/FisConfigs/orders/EXP1-delay.json")]
    [InlineData("cn-north-1", "https://fis-configs.s3.cn-north-1.amazonaws.com.cn/FisConfigs/orders/EXP1-delay.json")]
    [InlineData("us-gov-west-1", "https://fis-configs.s3.us-gov-west-1.amazonaws.com/FisConfigs/orders/EXP1-delay.json")]
    [InlineData("us-iso-east-1", "https://fis-configs.s3.us-iso-east-1.c2s.ic.gov/FisConfigs/orders/EXP1-delay.json")]
    [InlineData("us-isob-east-1", "https://fis-configs.s3.us-isob-east-1.sc2s.sgov.gov/FisConfigs/orders/EXP1-delay.json")]
    [InlineData("eusc-de-east-1", "https://fis-configs.s3.eusc-de-east-1.amazonaws.eu/FisConfigs/orders/EXP1-delay.json")]
    public void AwsS3_IsAddressedVirtualHostedInTheRegionsPartition(string? region, string expected) =>
        Assert.Equal(expected, For(new S3Connection(region, null, null), "fis-configs", "FisConfigs/orders/EXP1-delay.json").AbsoluteUri);

    [Theory]
    [InlineData(true, false, "https://fis-configs.s3-fips.us-gov-west-1.amazonaws.com/k")]
    [InlineData(false, true, "https://fis-configs.s3.dualstack.us-gov-west-1.amazonaws.com/k")]
    [InlineData(true, true, "https://fis-configs.s3-fips.dualstack.us-gov-west-1.amazonaws.com/k")]
    public void FipsAndDualStack_PickThoseEndpoints(bool fips, bool dualStack, string expected) =>
        Assert.Equal(expected, For(new S3Connection("us-gov-west-1", null, null, fips, dualStack), "fis-configs", "k").AbsoluteUri);

    [Theory]
    [InlineData("fis.configs.example.com")]
    [InlineData("Fis_Configs")]
    [InlineData("ab")]
    public void BucketThatIsNoSingleDnsLabel_IsAddressedPathStyle(string bucket) =>
        Assert.Equal($"https://s3.eu-west-1.amazonaws.com/{bucket}/k", For(new S3Connection("eu-west-1", null, null), bucket, "k").AbsoluteUri);

    [Fact]
    public void CompatibleEndpoint_IsAddressedPathStyle_UnderItsOwnPath_AndSignedForTheRegion()
    {
        var endpoint = S3Endpoint.From(new S3Connection("eu-west-1", "http://127.0.0.1:4569/storage/", null));

        Assert.Equal("http://127.0.0.1:4569/storage/fis-configs/k", endpoint.For("fis-configs", "k", "").AbsoluteUri);
        Assert.Equal("http://127.0.0.1:4569/storage/fis-configs/?list-type=2", endpoint.For("fis-configs", "", "?list-type=2").AbsoluteUri);
        Assert.Equal("https://fis-configs.s3.eu-west-1.amazonaws.com/?list-type=2", For(new S3Connection("eu-west-1", null, null), "fis-configs", "", "?list-type=2").AbsoluteUri);
        Assert.Equal("eu-west-1", endpoint.SigningRegion);
        Assert.Equal("us-east-1", S3Endpoint.From(new S3Connection(null, "http://127.0.0.1:4569", null)).SigningRegion);
    }

    [Fact]
    public void Key_IsEncodedOnce_AndDotSegmentsAreKept()
    {
        var uri = For(new S3Connection("eu-west-1", null, null), "fis-configs", "FisConfigs/a b+c(1)~é/../x.json");

        Assert.Equal("/FisConfigs/a%20b%2Bc%281%29~%C3%A9/../x.json", uri.AbsolutePath);
        Assert.Equal("https://fis-configs.s3.eu-west-1.amazonaws.com/FisConfigs/a%20b%2Bc%281%29~%C3%A9/../x.json", uri.OriginalString);
    }

    [Theory]
    [InlineData("eu west 1", null)]
    [InlineData("eu-west-1.evil.example", null)]
    [InlineData("-eu", null)]
    [InlineData("eu-west-1", "ftp://127.0.0.1/")]
    [InlineData("eu-west-1", "127.0.0.1:4569")]
    [InlineData("eu-west-1", "http://127.0.0.1:4569/?x=1")]
    public void UnusableRegionOrEndpoint_IsRefusedAtOnce(string region, string? endpoint) =>
        Assert.Throws<ArgumentException>(() => S3Endpoint.From(new S3Connection(region, endpoint, null)));
}
