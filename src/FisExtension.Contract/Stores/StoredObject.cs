namespace FisExtension.Contract.Stores;

/// <summary>
/// One listed object: its key, a version tag that changes whenever its content does, and its size.
/// <paramref name="NotReadBecause"/> is set when the store will not read it (e.g. a FIFO or a link out of the folder).
/// </summary>
public sealed record StoredObject(string Key, string ETag, long Size, string? NotReadBecause = null);
