namespace FisExtension.Configuration;

/// <summary>An expected store failure, as a value: a short reason (e.g. <c>AccessDenied</c>) and how to fix it.</summary>
internal sealed record StoreFailure(string Reason, string Remedy);
