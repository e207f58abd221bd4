namespace FisExtension.Experiments.Templates;

/// <summary>A validated experiment template in the FIS shape. Names are ordered ordinally so output is stable.</summary>
public sealed record ExperimentTemplate
{
    public required string Description { get; init; }

    public required IReadOnlyDictionary<string, TemplateTarget> Targets { get; init; }

    public required IReadOnlyDictionary<string, TemplateAction> Actions { get; init; }

    public required IReadOnlyList<StopCondition> StopConditions { get; init; }

    /// <summary>Accepted so the same file runs in AWS FIS; not used locally.</summary>
    public string? RoleArn { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Null when the template has no <c>experimentReportConfiguration</c>.</summary>
    public ReportWindows? ReportWindows { get; init; }

    /// <summary>FIS <c>experimentOptions.emptyTargetResolutionMode</c>: when false (FIS's default, <c>fail</c>) a target
    /// that resolves to no function stops the experiment before anything is written.</summary>
    public bool SkipEmptyTargets { get; init; }
}
