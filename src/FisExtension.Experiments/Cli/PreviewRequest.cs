namespace FisExtension.Experiments.Cli;

/// <summary>The parsed arguments of <c>fisctl experiment preview</c>.</summary>
public sealed record PreviewRequest(string TemplatePath, Uri Endpoint, int? Seed, string? Location);
