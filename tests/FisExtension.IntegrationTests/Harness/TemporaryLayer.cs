using System.Runtime.Versioning;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>A layer's folder laid out by a test (files copied, linked or written as scripts), deleted afterwards.</summary>
[SupportedOSPlatform("linux")]
internal sealed class TemporaryLayer : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("fis-layer-").FullName;

    /// <summary>Copies <paramref name="source"/> to <paramref name="relativePath"/>, executable as it was.</summary>
    public string Add(string relativePath, string source)
    {
        var path = Prepare(relativePath);
        File.Copy(source, path);
        return path;
    }

    public string Link(string relativePath, string target)
    {
        var path = Prepare(relativePath);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>An executable bash script with <paramref name="body"/>.</summary>
    public string Script(string relativePath, string body)
    {
        var path = Prepare(relativePath);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Prepare(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
