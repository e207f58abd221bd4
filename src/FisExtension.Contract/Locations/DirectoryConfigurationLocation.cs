namespace FisExtension.Contract.Locations;

/// <summary>A local directory, for local runs; files play the part of S3 objects.</summary>
public sealed record DirectoryConfigurationLocation(string Path) : ConfigurationLocation
{
    public override string Show() => Path;

    /// <summary>The only directory this function reads: <c>&lt;path&gt;/&lt;function-name&gt;/</c>.</summary>
    public string FunctionDirectory(string functionName) => System.IO.Path.Combine(Path, functionName);

    public override string ObjectKey(string functionName, string objectName) => System.IO.Path.Combine(FunctionDirectory(functionName), objectName);

    public override string ShowKey(string key) => key;
}
