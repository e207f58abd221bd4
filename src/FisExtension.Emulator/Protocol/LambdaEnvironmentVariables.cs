namespace FisExtension.Emulator.Protocol;

/// <summary>Environment variable names Lambda sets for the runtime and the extensions.</summary>
internal static class LambdaEnvironmentVariables
{
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";
    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";
    public const string FunctionMemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";
    public const string Handler = "_HANDLER";
    public const string TaskRoot = "LAMBDA_TASK_ROOT";
    public const string RuntimeDir = "LAMBDA_RUNTIME_DIR";
    public const string ExecutionEnv = "AWS_EXECUTION_ENV";
    public const string LogFormat = "AWS_LAMBDA_LOG_FORMAT";
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";
    public const string LogGroupName = "AWS_LAMBDA_LOG_GROUP_NAME";
    public const string LogStreamName = "AWS_LAMBDA_LOG_STREAM_NAME";
    public const string InitializationType = "AWS_LAMBDA_INITIALIZATION_TYPE";
    public const string MaxConcurrency = "AWS_LAMBDA_MAX_CONCURRENCY";
    public const string ExecWrapper = "AWS_LAMBDA_EXEC_WRAPPER";
    public const string TimeZone = "TZ";
    public const string Lang = "LANG";
    public const string Path = "PATH";
    public const string LdLibraryPath = "LD_LIBRARY_PATH";
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string XRayContextMissing = "AWS_XRAY_CONTEXT_MISSING";
    public const string XRayDaemonAddress = "AWS_XRAY_DAEMON_ADDRESS";
    public const string InternalXRayDaemonAddress = "_AWS_XRAY_DAEMON_ADDRESS";
    public const string InternalXRayDaemonPort = "_AWS_XRAY_DAEMON_PORT";

    public static readonly string[] Credentials = [AccessKeyId, SecretAccessKey, SessionToken];

    /// <summary>Not available to extensions (Extensions API reference, "Environment variables").</summary>
    public static readonly string[] HiddenFromExtensions =
    [
        ExecutionEnv, LogGroupName, LogStreamName, XRayContextMissing, XRayDaemonAddress, RuntimeDir, TaskRoot,
        InternalXRayDaemonAddress, InternalXRayDaemonPort, Handler,
    ];
}
