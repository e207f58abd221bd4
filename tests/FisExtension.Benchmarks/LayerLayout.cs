namespace FisExtension.Benchmarks;

/// <summary>The layer's layout: <c>extensions/fis-extension</c> is the launcher, which execs <c>aws-fis/fis-extension</c>.</summary>
internal static class LayerLayout
{
    /// <summary>The extension the launcher at <paramref name="binaryPath"/> execs, or null when the path is not a layer's launcher.</summary>
    public static string? ExtensionBehindLauncher(string binaryPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(binaryPath));
        if (directory is null || Path.GetFileName(directory) != "extensions")
        {
            return null;
        }

        var extension = Path.Combine(Path.GetDirectoryName(directory)!, "aws-fis", "fis-extension");
        return File.Exists(extension) ? extension : null;
    }
}
