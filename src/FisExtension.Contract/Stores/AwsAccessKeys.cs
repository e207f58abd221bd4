namespace FisExtension.Contract.Stores;

/// <summary>The access keys Lambda puts in the function's environment.</summary>
public sealed record AwsAccessKeys(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    // Options records are printed when debugging; secrets must not follow them into a log.
    public override string ToString() => $"AwsAccessKeys {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "none" : "***")} }}";
}
