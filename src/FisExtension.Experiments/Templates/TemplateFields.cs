namespace FisExtension.Experiments.Templates;

/// <summary>
/// Field names and fixed values of the FIS <c>CreateExperimentTemplate</c> request, as
/// <c>aws fis create-experiment-template --cli-input-json</c> takes it (FIS API reference). Case-sensitive, as in FIS.
/// </summary>
internal static class TemplateFields
{
    public const string ClientToken = "clientToken";
    public const string Description = "description";
    public const string Targets = "targets";
    public const string Actions = "actions";
    public const string StopConditions = "stopConditions";
    public const string RoleArn = "roleArn";
    public const string Tags = "tags";
    public const string LogConfiguration = "logConfiguration";
    public const string ExperimentOptions = "experimentOptions";
    public const string ExperimentReportConfiguration = "experimentReportConfiguration";

    public const string ResourceType = "resourceType";
    public const string ResourceArns = "resourceArns";
    public const string ResourceTags = "resourceTags";
    public const string SelectionMode = "selectionMode";
    public const string Filters = "filters";
    public const string Parameters = "parameters";

    public const string ActionId = "actionId";
    public const string StartAfter = "startAfter";

    public const string Source = "source";
    public const string Value = "value";

    public const string Outputs = "outputs";
    public const string DataSources = "dataSources";
    public const string PreExperimentDuration = "preExperimentDuration";
    public const string PostExperimentDuration = "postExperimentDuration";

    public const string AccountTargeting = "accountTargeting";
    public const string EmptyTargetResolutionMode = "emptyTargetResolutionMode";

    public const string LambdaFunctionResourceType = "aws:lambda:function";

    /// <summary>The one key of an action's <c>targets</c> for the Lambda actions (FIS actions reference).</summary>
    public const string FunctionsTargetKey = "Functions";

    public const string StopConditionNone = "none";
    public const string StopConditionAlarm = "aws:cloudwatch:alarm";
    public const string SingleAccount = "single-account";
    public const string EmptyTargetsFail = "fail";
    public const string EmptyTargetsSkip = "skip";

    /// <summary>FIS limits a target to 5 ARNs (CreateExperimentTemplateTargetInput).</summary>
    public const int MaxResourceArns = 5;

    /// <summary>FIS names (of targets and actions) are at most 64 characters.</summary>
    public const int MaxNameLength = 64;
}
