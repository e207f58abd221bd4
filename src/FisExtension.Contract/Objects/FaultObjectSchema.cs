namespace FisExtension.Contract.Objects;

/// <summary>The v1 fault configuration object: field names, parameter names and limits (fis-lambda-actions.md §5).</summary>
public static class FaultObjectSchema
{
    public const int SupportedVersion = 1;

    public const string SchemaVersion = "schemaVersion";
    public const string ExperimentId = "experimentId";
    public const string ActionName = "actionName";
    public const string ActionId = "actionId";
    public const string StartTime = "startTime";
    public const string EndTime = "endTime";
    public const string Parameters = "parameters";

    /// <summary>A FIS template parameter that FIS itself acts on (the action's length), not the extension.</summary>
    public const string Duration = "duration";

    public const string InvocationPercentage = "invocationPercentage";
    public const string StartupDelayMilliseconds = "startupDelayMilliseconds";
    public const string PreventExecution = "preventExecution";
    public const string StatusCode = "statusCode";
    public const string ContentTypeHeader = "contentTypeHeader";

    /// <summary>Every top-level field of schema v1; any other name rejects the object.</summary>
    public static readonly string[] Fields = [SchemaVersion, ExperimentId, ActionName, ActionId, StartTime, EndTime, Parameters];

    /// <summary>Every parameter any action knows, and <see cref="Duration"/>, which is allowed and ignored.</summary>
    public static readonly string[] AllParameters = [InvocationPercentage, StartupDelayMilliseconds, PreventExecution, StatusCode, ContentTypeHeader, Duration];

    /// <summary>The fault parameters of one action (fis-lambda-actions.md §1), without the ignored <see cref="Duration"/>.</summary>
    public static string[] ParametersOf(FaultKind kind) => kind switch
    {
        FaultKind.StartDelay => [InvocationPercentage, StartupDelayMilliseconds],
        FaultKind.InvocationError => [InvocationPercentage, PreventExecution],
        _ => [InvocationPercentage, PreventExecution, StatusCode, ContentTypeHeader],
    };

    /// <summary>The parameters an action cannot do without: the HTTP response needs its status.</summary>
    public static string[] RequiredParametersOf(FaultKind kind) => kind == FaultKind.HttpIntegrationResponse ? [StatusCode] : [];

    /// <summary>Objects are small; a bigger one is a mistake or an attack, and is skipped unread.</summary>
    public const int MaxObjectBytes = 256 * 1024;

    /// <summary>More objects than this for one function is a leak (experiments that never cleaned up).</summary>
    public const int MaxObjects = 100;

    public static readonly TimeSpan MaxSpan = TimeSpan.FromHours(12);

    public const double MinInvocationPercentage = 1;
    public const double MaxInvocationPercentage = 100;
    public const int MinStartupDelayMilliseconds = 0;
    public const int MaxStartupDelayMilliseconds = 900_000;
    public const int MinStatusCode = 0;
    public const int MaxStatusCode = 999;

    /// <summary>Configuration objects end with this; other keys under the prefix (folder markers, notes) are ignored.</summary>
    public const string FileExtension = ".json";

    public const string KnownActionIds =
        $"{FaultActionIds.AddDelay}, {FaultActionIds.InvocationError}, {FaultActionIds.HttpIntegrationResponse}";
}
