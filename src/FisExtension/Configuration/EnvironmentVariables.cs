using FisExtension.Launcher;

namespace FisExtension.Configuration;

/// <summary>Every environment variable the extension reads, in one place.</summary>
internal static class EnvironmentVariables
{
    // Documented by AWS for the FIS extension (fis-lambda-actions.md §2).
    public const string ConfigurationLocation = StoreEnvironmentVariables.ConfigurationLocation;
    public const string LogLevel = "AWS_FIS_LOG_LEVEL";
    public const string ExtensionMetrics = "AWS_FIS_EXTENSION_METRICS";
    public const string SlowPollIntervalSeconds = "AWS_FIS_SLOW_POLL_INTERVAL_SECONDS";
    public const string ProxyRuntimeApiEndpoint = "AWS_FIS_PROXY_RUNTIME_API_ENDPOINT";
    public const string ProxyListenerPort = LaunchEnvironment.ProxyListenerPort;
    public const string PollMaxWaitMilliseconds = "AWS_FIS_POLL_MAX_WAIT_MILLISECONDS";

    // The project's own, for local runs and tests.
    public const string HotPollIntervalSeconds = "AWS_FIS_HOT_POLL_INTERVAL_SECONDS";
    public const string RandomSeed = "AWS_FIS_RANDOM_SEED";

    // Set by Lambda.
    public const string RuntimeApi = LaunchEnvironment.RuntimeApi;
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string LogFormat = LaunchEnvironment.LogFormat;
    public const string Region = StoreEnvironmentVariables.Region;
    public const string AccessKeyId = StoreEnvironmentVariables.AccessKeyId;
    public const string SecretAccessKey = StoreEnvironmentVariables.SecretAccessKey;
    public const string SessionToken = StoreEnvironmentVariables.SessionToken;

    // Read by the .NET runtime once, when the first socket is used (SocketAsyncEngine.Unix.cs); the extension sets it
    // for itself unless it is set already (SocketScheduling).
    public const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    // The AWS SDKs' standard endpoint overrides, for S3-compatible stores; shared with fisctl through the contract.
    public const string EndpointUrlS3 = StoreEnvironmentVariables.EndpointUrlS3;
    public const string EndpointUrl = StoreEnvironmentVariables.EndpointUrl;
}
