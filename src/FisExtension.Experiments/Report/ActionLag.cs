namespace FisExtension.Experiments.Report;

/// <summary>
/// How fast one action reached the function and left it: pickup lag = action start → first affected request,
/// release lag = action end → last affected request (negative: it was released before its end, e.g. stopped).
/// Null when no request was affected.
/// </summary>
public sealed record ActionLag(string Action, DateTimeOffset Start, DateTimeOffset End, string Detection, int AffectedRequests, double? PickupLagMilliseconds, double? ReleaseLagMilliseconds);
