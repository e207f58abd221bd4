namespace FisExtension.Experiments.Hypothesis;

/// <summary>The stop condition that pulled the safety lever: when, and the value it saw over how many requests.</summary>
public sealed record StopConditionBreach(string StopCondition, DateTimeOffset At, double Value, int Requests);
