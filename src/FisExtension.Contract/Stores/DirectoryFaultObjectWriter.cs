using FisExtension.Contract.Locations;
using FisExtension.Contract.Objects;

namespace FisExtension.Contract.Stores;

/// <summary>Objects as files in a local folder, as <see cref="DirectoryFaultConfigurationStore"/> reads them; keys are full paths.</summary>
public sealed class DirectoryFaultObjectWriter(DirectoryConfigurationLocation location) : IFaultObjectWriter
{
    /// <summary>Not <c>.json</c>, so the extension ignores a file still being written (README, "Object layout").</summary>
    private const string PartialSuffix = ".partial";

    public ConfigurationLocation Location => location;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(key)!);
            var partial = key + PartialSuffix;
            await File.WriteAllBytesAsync(partial, content, cancellationToken).ConfigureAwait(false);

            // The rename is atomic: a poll sees no object or the whole object, never half of one.
            File.Move(partial, key, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FaultObjectStoreException($"could not write {key} ({exception.Message}). Check that the folder exists and may be written.", exception);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(key);
        }
        catch (DirectoryNotFoundException)
        {
            // Someone removed the function's folder: the object is gone, which is what deleting wants.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FaultObjectStoreException($"could not delete {key} ({exception.Message}). Check that the folder may be written.", exception);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(key));

    public Task<IReadOnlyList<string>> ListObjectKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(Directory.Exists(location.Path)
            ? Directory.EnumerateFiles(location.Path, "*" + FaultObjectSchema.FileExtension, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : []);

    public async Task<byte[]?> ReadAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var stream = File.OpenRead(key);
            await using (stream.ConfigureAwait(false))
            {
                return await BoundedRead.ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        // Nothing held between calls.
    }
}
