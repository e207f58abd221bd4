using FisExtension.Configuration;
using FisExtension.Tests.Configuration.Support;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Configuration;

public class FaultConfigurationSourceFactoryTests
{
    private readonly RecordingLogger _logger = new();

    [Fact(Timeout = 30_000)]
    public async Task NoLocation_GivesAnAlwaysEmptySourceAndSaysSo()
    {
        await using var source = FaultConfigurationSourceFactory.Create(Options.Default(location: null), _logger, TimeProvider.System);
        await source.StartAsync(CancellationToken.None);
        await source.OnInvocationAsync(CancellationToken.None);

        Assert.IsType<DisabledFaultConfigurationSource>(source);
        Assert.Empty(source.Current.Faults);
        Assert.Equal("AWS_FIS_CONFIGURATION_LOCATION is not set: the extension injects no faults", Assert.Single(_logger.Messages(309)));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnparsableLocation_GivesAnAlwaysEmptySourceAndOneClearErrorLine()
    {
        await using var source = FaultConfigurationSourceFactory.Create(Options.Default("my-bucket/FisConfigs/"), _logger, TimeProvider.System);

        Assert.IsType<DisabledFaultConfigurationSource>(source);
        var entry = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal(
            "AWS_FIS_CONFIGURATION_LOCATION is not a usable configuration location: \"my-bucket/FisConfigs/\" is not a location the extension understands. " +
            "Use arn:aws:s3:::bucket/prefix/, s3://bucket/prefix/, or an absolute directory such as /tmp/fis/ or file:///tmp/fis/. The extension runs without faults.",
            entry.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task MissingFunctionName_GivesAnAlwaysEmptySource()
    {
        await using var source = FaultConfigurationSourceFactory.Create(Options.Default("/tmp/fis/") with { FunctionName = "" }, _logger, TimeProvider.System);

        Assert.IsType<DisabledFaultConfigurationSource>(source);
        Assert.Contains("AWS_LAMBDA_FUNCTION_NAME is not set", Assert.Single(_logger.Messages(308)));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("arn:aws:s3:::my-bucket/FisConfigs/")]
    [InlineData("s3://my-bucket/FisConfigs/")]
    [InlineData("/tmp/fis/")]
    [InlineData("file:///tmp/fis/")]
    public async Task UsableLocation_GivesAPoller(string location)
    {
        await using var source = FaultConfigurationSourceFactory.Create(Options.Default(location) with { S3 = new S3Connection("eu-west-1", null, null) }, _logger, TimeProvider.System);

        Assert.IsType<FaultConfigurationPoller>(source);
        Assert.Empty(_logger.Entries);
    }
}
