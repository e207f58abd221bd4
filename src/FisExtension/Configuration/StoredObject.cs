namespace FisExtension.Configuration;

/// <summary>One listed object: its key, a version tag that changes whenever its content does, and its size.</summary>
internal sealed record StoredObject(string Key, string ETag, long Size);
