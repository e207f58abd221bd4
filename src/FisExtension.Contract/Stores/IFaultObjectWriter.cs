using FisExtension.Contract.Locations;

namespace FisExtension.Contract.Stores;

/// <summary>
/// What fisctl needs of a store, playing FIS's part: put and delete objects, and find those of an experiment to stop.
/// Keys are the stores' own (<see cref="FaultObjectAddress.Key"/>). Failures throw <see cref="FaultObjectStoreException"/>
/// with what failed and how to fix it; the extension, which only reads, never uses this side.
/// </summary>
public interface IFaultObjectWriter : IDisposable
{
    ConfigurationLocation Location { get; }

    /// <summary>Writes the whole object at once: a poll sees no object or all of it, never half of one.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Deleting an object that is already gone succeeds.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every key under the location, at any depth, whose name ends in <c>.json</c>.</summary>
    Task<IReadOnlyList<string>> ListObjectKeysAsync(CancellationToken cancellationToken);

    /// <summary>At most <paramref name="maxBytes"/> + 1 bytes of an object; null when it is gone.</summary>
    Task<byte[]?> ReadAsync(string key, int maxBytes, CancellationToken cancellationToken);
}
