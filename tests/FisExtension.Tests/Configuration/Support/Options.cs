using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration.Support;

internal static class Options
{
    public static ExtensionOptions Default(string? location = null, int slowSeconds = 60, int hotSeconds = 20, int maxWaitMilliseconds = 0) => new()
    {
        RuntimeApi = "127.0.0.1:9001",
        UpstreamRuntimeApi = "127.0.0.1:9001",
        ConfigurationLocation = location,
        FunctionName = "my-function",
        SlowPollInterval = TimeSpan.FromSeconds(slowSeconds),
        HotPollInterval = TimeSpan.FromSeconds(hotSeconds),
        PollMaxWait = TimeSpan.FromMilliseconds(maxWaitMilliseconds),
    };
}
