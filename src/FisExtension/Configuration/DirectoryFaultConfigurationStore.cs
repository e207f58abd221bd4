using System.Globalization;

namespace FisExtension.Configuration;

/// <summary>
/// Fault configuration files in a local directory, for local runs. A file's key is its full path and its ETag is
/// its size and modification time, so an unchanged file is never read twice.
/// </summary>
internal sealed class DirectoryFaultConfigurationStore(DirectoryConfigurationLocation location, string functionName) : IFaultConfigurationStore
{
    public string Description => $"directory {location.Path}";

    public string FunctionPrefix { get; } = location.FunctionDirectory(functionName);

    public Task<StoreResult<IReadOnlyList<StoredObject>>> ListAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!Directory.Exists(location.Path))
            {
                return Task.FromResult<StoreResult<IReadOnlyList<StoredObject>>>(new StoreFailure(
                    "DirectoryNotFound",
                    $"Directory {location.Path} does not exist. Create it, or fix {EnvironmentVariables.ConfigurationLocation}."));
            }

            var directory = new DirectoryInfo(FunctionPrefix);
            IReadOnlyList<StoredObject> objects = directory.Exists
                ? directory.EnumerateFiles().Select(file => new StoredObject(file.FullName, ETagOf(file), file.Length)).ToList()
                : [];
            return Task.FromResult(StoreResult<IReadOnlyList<StoredObject>>.Success(objects));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult<StoreResult<IReadOnlyList<StoredObject>>>(Failure(exception));
        }
    }

    public async Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
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

    private static string ETagOf(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}");

    private static StoreFailure Failure(Exception exception) =>
        new(exception.GetType().Name, $"{exception.Message} Check that the extension may read the directory.");
}
