namespace FisExtension.Contract.Stores;

/// <summary>
/// One level of a store: the objects directly under a prefix, and the sub-prefixes (folders) below it, each
/// written as the store shows locations (<c>s3://bucket/prefix/</c>, <c>/path/</c>).
/// </summary>
public sealed record StoreListing(IReadOnlyList<StoredObject> Objects, IReadOnlyList<string> Folders);
