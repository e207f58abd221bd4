using FisExtension.Configuration;
using FisExtension.Platform;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Tests.Platform;

/// <summary>The libssl names tried, as .NET's shim tries them, and what is checked (against this machine's real OpenSSL 3).</summary>
public class OpenSslAvailabilityTests
{
    [Fact]
    public void Candidates_AreTheSonamesDotNetOpens_InItsOrder()
    {
        Assert.Equal(["libssl.so.3", "libssl.so.1.1"], OpenSslAvailability.Candidates(_ => null));
    }

    [Fact]
    public void Candidates_PutTheOverriddenVersionFirst_AndStillFallBack()
    {
        var candidates = OpenSslAvailability.Candidates(name => name == "DOTNET_OPENSSL_VERSION_OVERRIDE" ? "1.1" : null);

        Assert.Equal(["libssl.so.1.1", "libssl.so.3", "libssl.so.1.1"], candidates);
    }

    [Theory]
    [InlineData("s3://my-bucket/FisConfigs/")]
    [InlineData("arn:aws:s3:::my-bucket/FisConfigs/")]
    public void S3Location_WhereLibSslOpens_IsUsable_AndNothingIsLogged(string location)
    {
        var logger = new RecordingLogger();

        var unusable = OpenSslAvailability.LeavesS3Unusable(Options(location), _ => null, logger);

        Assert.False(unusable);
        Assert.Empty(logger.Entries);
    }

    private static ExtensionOptions Options(string? location) => new()
    {
        RuntimeApi = "127.0.0.1:9001",
        UpstreamRuntimeApi = "127.0.0.1:9001",
        FunctionName = "orders",
        ConfigurationLocation = location,
    };
}
