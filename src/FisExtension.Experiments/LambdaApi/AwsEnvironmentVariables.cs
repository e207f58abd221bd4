namespace FisExtension.Experiments.LambdaApi;

/// <summary>Environment variables fisctl reads, and the one it reads from each target function.</summary>
public static class AwsEnvironmentVariables
{
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>Set on each target function: where its extension reads fault configuration (README, Environment variables).</summary>
    public const string ConfigurationLocation = "AWS_FIS_CONFIGURATION_LOCATION";

    /// <summary>Used when neither region variable is set.</summary>
    public const string FallbackRegion = "us-east-1";
}
