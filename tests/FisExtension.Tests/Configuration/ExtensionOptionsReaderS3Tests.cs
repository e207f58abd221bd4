using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration;

public class ExtensionOptionsReaderS3Tests
{
    [Fact]
    public void LambdaCredentialsRegionAndS3Endpoint_AreRead()
    {
        var options = Read(new()
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIA1",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_SESSION_TOKEN"] = "token",
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:4569",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
        });

        Assert.Equal(new AwsAccessKeys("AKIA1", "secret", "token"), options.S3.Credentials);
        Assert.Equal("eu-west-1", options.S3.Region);
        Assert.Equal("http://127.0.0.1:4569", options.S3.EndpointUrl);
        Assert.Equal((false, false), (options.S3.UseFipsEndpoint, options.S3.UseDualStackEndpoint));
    }

    [Fact]
    public void GeneralEndpoint_IsUsedWhenNoS3EndpointIsSet() =>
        Assert.Equal("http://127.0.0.1:1", Read(new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1" }).S3.EndpointUrl);

    [Fact]
    public void IncompleteCredentials_AreAbsent() =>
        Assert.Null(Read(new() { ["AWS_ACCESS_KEY_ID"] = "AKIA1" }).S3.Credentials);

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    public void FipsAndDualStackSwitches_AreReadAsTheAwsSdksReadThem(string value, bool expected)
    {
        var s3 = Read(new() { ["AWS_USE_FIPS_ENDPOINT"] = value, ["AWS_USE_DUALSTACK_ENDPOINT"] = value }).S3;

        Assert.Equal((expected, expected), (s3.UseFipsEndpoint, s3.UseDualStackEndpoint));
    }

    [Fact]
    public void PrintedOptions_NeverShowTheSecrets()
    {
        var printed = Read(new() { ["AWS_ACCESS_KEY_ID"] = "AKIA1", ["AWS_SECRET_ACCESS_KEY"] = "s3cr3t", ["AWS_SESSION_TOKEN"] = "t0k3n" }).ToString();

        Assert.DoesNotContain("s3cr3t", printed);
        Assert.DoesNotContain("t0k3n", printed);
        Assert.Contains("AKIA1", printed);
    }

    private static ExtensionOptions Read(Dictionary<string, string> environment) =>
        ExtensionOptionsReader.Read(name => environment.GetValueOrDefault(name)).Options;
}
