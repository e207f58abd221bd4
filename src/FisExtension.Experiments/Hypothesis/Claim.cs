namespace FisExtension.Experiments.Hypothesis;

/// <summary>One stated hypothesis: <c>left op right</c>, as the user wrote it.</summary>
public sealed record Claim(string Text, Operand Left, string Operator, Operand Right);
