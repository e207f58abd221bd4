namespace FisExtension.Experiments.Writing;

/// <summary>
/// A local-folder configuration location (<c>/path/</c> or <c>file:///path/</c>), the form the extension reads for local
/// runs (README, "Location"). S3 locations are not written by fisctl yet.
/// </summary>
public sealed record ConfigurationFolder(string Path)
{
    private const string FileScheme = "file://";

    /// <summary>The folder, or null with what is wrong and how to fix it.</summary>
    public static ConfigurationFolder? Parse(string location, out string? problem)
    {
        problem = null;
        var path = location.StartsWith(FileScheme, StringComparison.Ordinal) ? Uri.UnescapeDataString(location[FileScheme.Length..]) : location;
        if (location.StartsWith("s3://", StringComparison.Ordinal) || location.StartsWith("arn:", StringComparison.Ordinal))
        {
            problem = $"\"{location}\" is an S3 location; fisctl writes only to local folders so far. Pass --location with an absolute folder, e.g. /tmp/fis/.";
            return null;
        }

        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            problem = $"\"{location}\" is not an absolute folder. Use e.g. /tmp/fis/ or file:///tmp/fis/.";
            return null;
        }

        return new ConfigurationFolder(path);
    }
}
