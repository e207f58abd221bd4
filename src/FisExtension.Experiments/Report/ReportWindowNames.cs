namespace FisExtension.Experiments.Report;

/// <summary>The three windows of the experiment report (FIS experiment reports: pre-experiment, experiment, post-experiment).</summary>
public static class ReportWindowNames
{
    public const string Steady = "steady";
    public const string Experiment = "experiment";
    public const string Recovery = "recovery";
}
