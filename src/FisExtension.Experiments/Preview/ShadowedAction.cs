namespace FisExtension.Experiments.Preview;

/// <summary>An action that does not apply to a function for a while, because an earlier identical or conflicting one does.</summary>
public sealed record ShadowedAction(string FunctionName, string Action, string By, TimeSpan From, TimeSpan To);
