namespace FisExtension.Experiments.Templates;

/// <summary>The experiment report's steady-state window before the experiment and recovery window after it
/// (FIS <c>experimentReportConfiguration</c>; both default to PT20M, fis-lambda-actions.md §4).</summary>
public sealed record ReportWindows(TimeSpan PreExperiment, TimeSpan PostExperiment)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(20);
}
