namespace FisExtension.Tests.Shared;

/// <summary>
/// The repository's root (the folder that holds FisExtension.sln), found by walking up from the test binaries; the
/// shared reference and data (<c>../shared</c>) sit beside it. Linked into every test project that needs it.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "FisExtension.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds FisExtension.sln.");
    }
}
