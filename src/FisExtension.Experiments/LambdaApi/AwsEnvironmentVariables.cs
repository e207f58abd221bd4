namespace FisExtension.Experiments.LambdaApi;

/// <summary>Environment variables fisctl reads, and the one it reads from each target function.</summary>
public static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>Set on each target function: where its extension reads fault configuration (README, Environment variables).</summary>
    public const string ConfigurationLocation = "AWS_FIS_CONFIGURATION_LOCATION";

    /// <summary>Used when neither region variable is set.</summary>
    public const string FallbackRegion = "us-east-1";
}
