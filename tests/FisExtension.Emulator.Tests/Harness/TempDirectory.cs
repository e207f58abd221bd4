namespace FisExtension.Emulator.Tests.Harness;

/// <summary>A scratch folder that plays /opt (extensions in <c>extensions/</c>) and holds marker files.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("fis-emulator-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string AddExtension(string name, string script) => AddExecutable(System.IO.Path.Combine("extensions", name), script);

    public string AddExecutable(string relativePath, string script)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, script);
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still be closing a file; the OS cleans temp eventually.
        }
    }
}
