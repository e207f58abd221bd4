namespace FisExtension.Contract.Stores;

/// <summary>The access keys Lambda puts in the function's environment.</summary>
public sealed record AwsAccessKeys(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <summary>From the standard variables, or null when the key pair is incomplete (requests then go unsigned). Blank values count as unset.</summary>
    public static AwsAccessKeys? FromEnvironment(Func<string, string?> environment)
    {
        string? Get(string name) => EnvironmentValue.Get(environment, name);

        return Get(StoreEnvironmentVariables.AccessKeyId) is { } accessKeyId && Get(StoreEnvironmentVariables.SecretAccessKey) is { } secretAccessKey
            ? new AwsAccessKeys(accessKeyId, secretAccessKey, Get(StoreEnvironmentVariables.SessionToken))
            : null;
    }

    // Options records are printed when debugging; secrets must not follow them into a log.
    public override string ToString() => $"AwsAccessKeys {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
