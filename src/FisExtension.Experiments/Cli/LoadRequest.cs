using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;

namespace FisExtension.Experiments.Cli;

/// <summary>The parsed load options of <c>fisctl run</c>: where to send (URLs or one function), how fast, the report windows and folder.</summary>
public sealed record LoadRequest(
    IReadOnlyList<Uri> Urls,
    HttpMethod Method,
    string? Body,
    string? InvokeFunction,
    LoadSettings Settings,
    TimeSpan? PreExperiment,
    TimeSpan? PostExperiment,
    string? ReportFolder,
    IReadOnlyList<Claim> Hypotheses,
    IReadOnlyList<StopRule> StopRules);
