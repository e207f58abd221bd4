namespace FisExtension.Experiments.Templates;

/// <summary><c>none</c>, or a CloudWatch alarm ARN (<c>aws:cloudwatch:alarm</c>).</summary>
public sealed record StopCondition(string Source, string? Value);
