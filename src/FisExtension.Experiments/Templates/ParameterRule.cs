namespace FisExtension.Experiments.Templates;

/// <summary>One parameter of an action: whether it must be present, and a check that returns what is wrong with a value (or null).</summary>
public sealed record ParameterRule(string Name, bool Required, string Example, Func<string, string?> Check);
