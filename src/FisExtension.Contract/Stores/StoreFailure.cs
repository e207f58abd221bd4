namespace FisExtension.Contract.Stores;

/// <summary>An expected store failure, as a value: a short reason (e.g. <c>AccessDenied</c>) and how to fix it.</summary>
public sealed record StoreFailure(string Reason, string Remedy);
