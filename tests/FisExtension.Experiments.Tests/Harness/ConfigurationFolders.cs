namespace FisExtension.Experiments.Tests.Harness;

/// <summary>A temporary configuration folder, deleted on dispose, and what is in it.</summary>
public sealed class ConfigurationFolders : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("fisctl-configs-").FullName + "/";

    /// <summary>Every object file, as keys relative to the root (<c>orders-get/EXP1-slow.json</c>), sorted.</summary>
    public IReadOnlyList<string> Keys() => Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(Root, path)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The complete objects only (<c>*.json</c>), as the extension reads them: fisctl writes each to a
    /// <c>.partial</c> file first and renames it, so a wait for objects must not count a put still in progress.</summary>
    public IReadOnlyList<string> Objects() => [.. Keys().Where(key => key.EndsWith(".json", StringComparison.Ordinal))];

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
