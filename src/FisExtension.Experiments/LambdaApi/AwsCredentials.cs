namespace FisExtension.Experiments.LambdaApi;

/// <summary>Static AWS credentials; the session token only with temporary credentials.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <summary>From the standard variables, or null when the key pair is not set (requests then go unsigned).</summary>
    public static AwsCredentials? FromEnvironment(Func<string, string?> getVariable)
    {
        var keyId = getVariable(AwsEnvironmentVariables.AccessKeyId);
        var secret = getVariable(AwsEnvironmentVariables.SecretAccessKey);
        var token = getVariable(AwsEnvironmentVariables.SessionToken);
        return string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret) ? null
            : new AwsCredentials(keyId, secret, string.IsNullOrEmpty(token) ? null : token);
    }
}
