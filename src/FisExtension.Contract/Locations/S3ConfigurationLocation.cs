namespace FisExtension.Contract.Locations;

/// <summary>An S3 bucket and key prefix. <see cref="Prefix"/> is empty or ends with <c>/</c>.</summary>
public sealed record S3ConfigurationLocation(string Bucket, string Prefix) : ConfigurationLocation
{
    public override string Show() => ShowKey(Prefix);

    /// <summary>The only prefix this function lists: <c>&lt;prefix&gt;&lt;function-name&gt;/</c>.</summary>
    public string FunctionPrefix(string functionName) => $"{Prefix}{functionName}/";

    public override string ObjectKey(string functionName, string objectName) => FunctionPrefix(functionName) + objectName;

    public override string ShowKey(string key) => $"s3://{Bucket}/{key}";
}
