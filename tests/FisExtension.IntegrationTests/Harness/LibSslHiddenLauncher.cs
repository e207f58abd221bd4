using System.Runtime.Versioning;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// Starts the published extension where no libssl .NET can use exists, as on Amazon Linux 2 (OpenSSL 1.0.2 only).
/// Environment tricks cannot do that: LD_LIBRARY_PATH only adds places to look, and DOTNET_OPENSSL_VERSION_OVERRIDE
/// only adds a name to try first — .NET then goes on to libssl.so.3 and libssl.so.1.1 in the system folders. So the
/// launcher gives the extension a mount namespace of its own (unshare, as root) in which every such file is
/// /dev/null bound over it: opening it fails as for a missing or unusable library, for .NET's shim as for any
/// dlopen, while the rest of the machine keeps its OpenSSL.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class LibSslHiddenLauncher : IDisposable
{
    private static readonly string[] LibraryFolders =
        ["/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib", "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu"];

    private static readonly string[] Sonames = ["libssl.so.3", "libssl.so.1.1"];

    private readonly string _directory;

    public LibSslHiddenLauncher()
    {
        _directory = Directory.CreateTempSubdirectory("fis-no-libssl-").FullName;
        Hidden = LibraryFolders
            .SelectMany(folder => Sonames.Select(name => System.IO.Path.Combine(folder, name)))
            .Where(File.Exists)
            .Select(path => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path)
            .Distinct()
            .ToList();
        var mounts = string.Concat(Hidden.Select(path => $"mount --bind /dev/null '{path}' && "));
        Path = System.IO.Path.Combine(_directory, "fis-extension");
        File.WriteAllText(Path, $"""
            #!/bin/sh
            exec unshare --mount sh -c '{mounts.Replace("'", "'\\''", StringComparison.Ordinal)}exec "$0"' '{RepositoryPaths.RequireLayerExtension()}'

            """);
        File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    /// <summary>The launcher, to stand as the layer's <c>extensions/fis-extension</c>.</summary>
    public string Path { get; }

    /// <summary>The library files hidden from the extension.</summary>
    public IReadOnlyList<string> Hidden { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
