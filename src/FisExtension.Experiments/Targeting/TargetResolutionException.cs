namespace FisExtension.Experiments.Targeting;

/// <summary>Target resolution could not finish; the message says what failed and how to fix it.</summary>
public sealed class TargetResolutionException(string message, Exception? inner = null) : Exception(message, inner);
