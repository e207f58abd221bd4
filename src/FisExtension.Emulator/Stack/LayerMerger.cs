using System.IO.Compression;

namespace FisExtension.Emulator.Stack;

/// <summary>Builds a function's /opt from its layers: each folder copied, each zip extracted, in order, a later layer
/// overwriting the files of an earlier one ("Adding layers to functions", Lambda developer guide).</summary>
internal static class LayerMerger
{
    /// <summary>A new folder holding the merged layers; the caller deletes it.</summary>
    public static string Merge(string functionName, IReadOnlyList<string> layers)
    {
        var opt = Directory.CreateTempSubdirectory($"fis-stack-{functionName}-opt-").FullName;
        foreach (var layer in layers)
        {
            if (Directory.Exists(layer)) CopyFolder(layer, opt);
            else ZipFile.ExtractToDirectory(layer, opt, overwriteFiles: true); // keeps the Unix modes stored in the zip
        }
        return opt;
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)), overwrite: true); // File.Copy keeps the mode on Unix
    }
}
