using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Configuration;

/// <summary>The lines users search for, exactly as the AWS extension writes them, through the real formatter.</summary>
public class ConfigurationLogLinesTests
{
    [Fact]
    public void PollLines_MatchTheAwsExtensionWording()
    {
        using var output = new StringWriter();
        using (var provider = new FisLoggerProvider(LogFormat.Text, LogLevel.Information, output, TimeProvider.System))
        {
            var logger = provider.CreateLogger(typeof(FaultConfigurationPoller).FullName!);
            Log.PollStarted(logger, "S3", "s3://my-bucket/FisConfigs/my-function/");
            Log.NoActiveFaultsFound(logger, 60);
            Log.PollFailed(logger, "AccessDenied", "Allow s3:ListBucket.");
        }

        Assert.Equal(
            [
                "AWS FIS EXTENSION - polling S3 for active faults impacting this Lambda function in s3://my-bucket/FisConfigs/my-function/",
                "AWS FIS EXTENSION - no active faults found (updated polling interval 60s)",
                "AWS FIS EXTENSION - failed to retrieve active fault configurations: AccessDenied. Allow s3:ListBucket.",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
