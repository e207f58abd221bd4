namespace FisExtension.Experiments.Cli;

/// <summary>The parsed arguments shared by <c>fisctl experiment preview</c> and <c>start</c>.</summary>
public sealed record ExperimentRequest(string TemplatePath, Uri Endpoint, int? Seed, string? Location);
