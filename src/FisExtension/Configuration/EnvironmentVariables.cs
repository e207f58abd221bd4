namespace FisExtension.Configuration;

/// <summary>Every environment variable the extension reads, in one place.</summary>
internal static class EnvironmentVariables
{
    // Documented by AWS for the FIS extension (fis-lambda-actions.md §2).
    public const string ConfigurationLocation = "AWS_FIS_CONFIGURATION_LOCATION";
    public const string LogLevel = "AWS_FIS_LOG_LEVEL";
    public const string ExtensionMetrics = "AWS_FIS_EXTENSION_METRICS";
    public const string SlowPollIntervalSeconds = "AWS_FIS_SLOW_POLL_INTERVAL_SECONDS";
    public const string ProxyRuntimeApiEndpoint = "AWS_FIS_PROXY_RUNTIME_API_ENDPOINT";
    public const string ProxyListenerPort = "AWS_FIS_PROXY_LISTENER_PORT";
    public const string PollMaxWaitMilliseconds = "AWS_FIS_POLL_MAX_WAIT_MILLISECONDS";

    // The project's own, for local runs and tests.
    public const string HotPollIntervalSeconds = "AWS_FIS_HOT_POLL_INTERVAL_SECONDS";
    public const string RandomSeed = "AWS_FIS_RANDOM_SEED";

    // Set by Lambda.
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string LogFormat = "AWS_LAMBDA_LOG_FORMAT";
    public const string Region = "AWS_REGION";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";

    // The AWS SDKs' standard endpoint overrides, for S3-compatible stores.
    public const string EndpointUrlS3 = "AWS_ENDPOINT_URL_S3";
    public const string EndpointUrl = "AWS_ENDPOINT_URL";
}
