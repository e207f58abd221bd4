namespace FisExtension.Experiments.Load;

/// <summary>What one target answered: the HTTP status, Lambda's function error, and the fault actions found in its log tail.</summary>
public sealed record LoadResponse(string Target, int Status, string? FunctionError, IReadOnlyList<string> Faults);
