namespace FisExtension.Contract.Locations;

/// <summary>Where fault configuration objects live: an S3 prefix or a local directory.</summary>
public abstract record ConfigurationLocation
{
    /// <summary>The location as a user writes it: <c>s3://bucket/prefix/</c> or <c>/path/</c>. A method, not a
    /// property, so that the records' generated ToString does not carry it into the extension's binary.</summary>
    public abstract string Show();

    /// <summary>The key of one object of one function: <c>&lt;prefix&gt;&lt;function-name&gt;/&lt;object-name&gt;</c>
    /// (for a directory, the file's full path, as the directory store keys its files).</summary>
    public abstract string ObjectKey(string functionName, string objectName);

    /// <summary>An object's key as a user finds it: <c>s3://bucket/key</c>, or the file's path.</summary>
    public abstract string ShowKey(string key);
}
