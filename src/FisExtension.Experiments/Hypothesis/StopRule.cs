namespace FisExtension.Experiments.Hypothesis;

/// <summary>A local stop condition: <c>METRIC OP THRESHOLD over WINDOW</c>, e.g. <c>errorRate &gt; 80% over 10s</c>.</summary>
public sealed record StopRule(string Text, string Metric, string Operator, double Threshold, TimeSpan Window)
{
    /// <summary>Fewer requests than this in the window prove nothing (one early timeout is not 100% errors).</summary>
    public const int MinimumRequests = 5;
}
