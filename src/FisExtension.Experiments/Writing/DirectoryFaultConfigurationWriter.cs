using System.Text.Json;

namespace FisExtension.Experiments.Writing;

/// <summary>Writes objects as files in a local folder, as the extension's directory store reads them.</summary>
public sealed class DirectoryFaultConfigurationWriter : IFaultConfigurationWriter
{
    /// <summary>Not <c>.json</c>, so the extension ignores a file still being written (README, "Object layout").</summary>
    private const string PartialSuffix = ".partial";

    public async Task PutAsync(FaultObjectAddress address, FaultConfigurationObject fault, CancellationToken cancellationToken)
    {
        var path = address.FullPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + PartialSuffix;
        await File.WriteAllBytesAsync(partial, JsonSerializer.SerializeToUtf8Bytes(fault, FaultConfigurationJsonContext.Default.FaultConfigurationObject), cancellationToken).ConfigureAwait(false);

        // The rename is atomic: a poll sees no object or the whole object, never half of one.
        File.Move(partial, path, overwrite: true);
    }

    public Task DeleteAsync(FaultObjectAddress address, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(address.FullPath);
        }
        catch (DirectoryNotFoundException)
        {
            // Someone removed the function's folder: the object is gone, which is what deleting wants.
        }

        return Task.CompletedTask;
    }
}
