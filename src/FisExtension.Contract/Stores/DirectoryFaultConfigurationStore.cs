using System.Globalization;
using FisExtension.Contract.Locations;
using FisExtension.Contract.Objects;

namespace FisExtension.Contract.Stores;

/// <summary>
/// Fault configuration files in a local directory, for local runs. A file's key is its full path and its ETag is
/// its size and modification time, so an unchanged file is never read twice. Only regular files are read, and a
/// symbolic link only when it resolves inside the configuration folder.
/// </summary>
public sealed class DirectoryFaultConfigurationStore(DirectoryConfigurationLocation location, string functionName) : IFaultConfigurationStore
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(location.Path)) + Path.DirectorySeparatorChar;

    public string Description => "directory";

    public string FunctionPrefix { get; } = location.FunctionDirectory(functionName);

    public string FunctionLocation => ShowFolder(FunctionPrefix);

    public Task<StoreResult<StoreListing>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(List(FunctionPrefix, folder => true));

    /// <summary>The root's files, and its folders that hold a <c>.json</c> file in any letter case (others are no function's).</summary>
    public Task<StoreResult<StoreListing>> ListRootAsync(CancellationToken cancellationToken) =>
        Task.FromResult(List(location.Path, folder => folder.EnumerateFiles().Any(file => file.Name.EndsWith(FaultObjectSchema.FileExtension, StringComparison.OrdinalIgnoreCase))));

    private StoreResult<StoreListing> List(string path, Func<DirectoryInfo, bool> folderWanted)
    {
        try
        {
            if (!Directory.Exists(location.Path))
            {
                return new StoreFailure(
                    "DirectoryNotFound",
                    $"Directory {location.Path} does not exist. Create it, or fix {StoreEnvironmentVariables.ConfigurationLocation}.");
            }

            var directory = new DirectoryInfo(path);
            if (!directory.Exists)
            {
                return StoreResult<StoreListing>.Success(new StoreListing([], []));
            }

            var entries = directory.EnumerateFileSystemInfos().ToList();
            return StoreResult<StoreListing>.Success(new StoreListing(
                entries.OfType<FileInfo>().Select(Describe).ToList(),
                entries.OfType<DirectoryInfo>().Where(folderWanted).Select(folder => ShowFolder(folder.FullName)).ToList()));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failure(exception);
        }
    }

    public async Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            // Checked again at the read: the entry may have been replaced since it was listed. It then counts as
            // gone, and the next listing reports what it has become. (A FIFO made in the instant between this
            // check and the open still blocks only an abandoned call: see StoreCall.)
            if (Describe(new FileInfo(key)).NotReadBecause is not null)
            {
                return StoreResult<byte[]?>.Success(null);
            }

            var stream = new FileStream(key, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                return StoreResult<byte[]?>.Success(await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return StoreResult<byte[]?>.Success(null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failure(exception);
        }
    }

    /// <summary>
    /// What the store would open. Opening a FIFO blocks until a writer comes, so anything that may not be a regular
    /// file is never opened. .NET does not expose the file type; a FIFO, a device and a socket all report size 0,
    /// and so does an empty file, which holds no fault either.
    /// </summary>
    private StoredObject Describe(FileInfo file)
    {
        var target = file;
        if (file.LinkTarget is not null)
        {
            var resolved = ResolveLink(file);
            if (resolved is not FileInfo { Exists: true } regular)
            {
                return NotRead(file, "it is a symbolic link that leads to no file. Replace it with the file itself.");
            }

            if (!regular.FullName.StartsWith(_root, StringComparison.Ordinal))
            {
                return NotRead(file, $"it is a symbolic link to {regular.FullName}, outside {_root}. Links are read only when they resolve inside the configuration folder; copy the file instead.");
            }

            target = regular;
        }

        return target.Length == 0
            ? NotRead(file, "it is empty or not a regular file (a FIFO, a device or a socket). Write each fault configuration as a regular JSON file.")
            : new StoredObject(file.FullName, ETagOf(target), target.Length);
    }

    private static FileSystemInfo? ResolveLink(FileInfo link)
    {
        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { } target ? new FileInfo(Path.GetFullPath(target.FullName)) : null;
        }
        catch (IOException)
        {
            // A loop of links, or one too long to follow.
            return null;
        }
    }

    // The reason is the version: the entry is reported once, and again only when what is wrong with it changes.
    private static StoredObject NotRead(FileInfo file, string reason) => new(file.FullName, reason, 0, reason);

    private static string ShowFolder(string path) => Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;

    private static string ETagOf(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}");

    private static StoreFailure Failure(Exception exception) =>
        new(exception.GetType().Name, $"{exception.Message} Check that the extension may read the directory.");
}
