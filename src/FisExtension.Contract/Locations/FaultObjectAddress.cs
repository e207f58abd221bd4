using FisExtension.Contract.Objects;

namespace FisExtension.Contract.Locations;

/// <summary>
/// Where one action's object for one function lives (README, "Object layout"):
/// <c>&lt;prefix&gt;&lt;function-name&gt;/&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>.
/// </summary>
public sealed record FaultObjectAddress(ConfigurationLocation Location, string FunctionName, string ExperimentId, string ActionName)
{
    public string ObjectName => $"{ExperimentId}-{ActionName}{FaultObjectSchema.FileExtension}";

    /// <summary>The key the stores use: the S3 key, or the file's full path.</summary>
    public string Key => Location.ObjectKey(FunctionName, ObjectName);

    /// <summary>As a user finds it: <c>s3://bucket/prefix/function/EXP1-action.json</c> or the file's path.</summary>
    public string Shown => Location.ShowKey(Key);
}
