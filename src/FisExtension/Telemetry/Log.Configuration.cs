using Microsoft.Extensions.Logging;

namespace FisExtension.Telemetry;

/// <summary>Log events of the fault-configuration path (3xx). Wording of 300–303 follows the AWS extension.</summary>
internal static partial class Log
{
    [LoggerMessage(300, LogLevel.Information, "polling {Store} for active faults impacting this Lambda function in {Location}")]
    public static partial void PollStarted(ILogger logger, string store, string location);

    [LoggerMessage(301, LogLevel.Information, "no active faults found (updated polling interval {IntervalSeconds}s)")]
    public static partial void NoActiveFaultsFound(ILogger logger, int intervalSeconds);

    [LoggerMessage(302, LogLevel.Information, "found active faults: {Faults} (updated polling interval {IntervalSeconds}s)")]
    public static partial void ActiveFaultsFound(ILogger logger, string faults, int intervalSeconds);

    [LoggerMessage(303, LogLevel.Error, "failed to retrieve active fault configurations: {Reason}. {Remedy}")]
    public static partial void PollFailed(ILogger logger, string reason, string remedy);

    [LoggerMessage(304, LogLevel.Error, "fault configuration {Key} is invalid and was skipped: {Problems}")]
    public static partial void FaultConfigurationInvalid(ILogger logger, string key, string problems);

    [LoggerMessage(305, LogLevel.Warning, "fault configuration {Key} was skipped: unknown actionId \"{ActionId}\". Use one of {KnownActionIds}.")]
    public static partial void UnknownActionId(ILogger logger, string key, string actionId, string knownActionIds);

    [LoggerMessage(306, LogLevel.Warning, "fault configuration {Key} was skipped: {Size} bytes is above the limit of {Limit} bytes (256 KiB). Keep each object smaller.")]
    public static partial void FaultConfigurationTooLarge(ILogger logger, string key, long size, int limit);

    [LoggerMessage(307, LogLevel.Warning, "{Count} fault configurations under {Prefix} is above the limit of {Limit}; read the first {Limit} by key and skipped: {Skipped}. Delete the objects of ended experiments.")]
    public static partial void TooManyFaultConfigurations(ILogger logger, int count, string prefix, int limit, string skipped);

    [LoggerMessage(308, LogLevel.Error, "{Variable} is not a usable configuration location: {Problem} The extension runs without faults.")]
    public static partial void ConfigurationLocationInvalid(ILogger logger, string variable, string problem);

    [LoggerMessage(309, LogLevel.Information, "{Variable} is not set: the extension injects no faults")]
    public static partial void ConfigurationLocationMissing(ILogger logger, string variable);

    [LoggerMessage(310, LogLevel.Warning, "no successful poll for {Seconds}s (three hot polling intervals): dropping the last known faults until the store answers again")]
    public static partial void StaleFaultsDropped(ILogger logger, int seconds);

    [LoggerMessage(311, LogLevel.Error, "the fault configuration poll failed unexpectedly; polling carries on")]
    public static partial void PollCrashed(ILogger logger, Exception exception);

    [LoggerMessage(312, LogLevel.Warning, "fault configuration {Key} was skipped unread: {Reason}")]
    public static partial void FaultConfigurationNotRead(ILogger logger, string key, string reason);

    [LoggerMessage(313, LogLevel.Warning, "fault configuration {Key} is not read: only names ending in lowercase {Extension} are. Rename it.")]
    public static partial void FaultConfigurationWrongCase(ILogger logger, string key, string extension);

    [LoggerMessage(314, LogLevel.Warning, "{Folder} is not read: only objects directly in {Location} are, not in folders below it. Move its objects up.")]
    public static partial void FaultConfigurationFolderNotRead(ILogger logger, string folder, string location);

    [LoggerMessage(315, LogLevel.Warning, "fault configuration {Key} is one level too high and is not read: only objects in {Location} are. Move it there.")]
    public static partial void FaultConfigurationTooHigh(ILogger logger, string key, string location);

    [LoggerMessage(316, LogLevel.Warning, "nothing to read in {Location}, but {LookAlike} holds objects. Check that {FunctionVariable} and {LocationVariable} match where the objects are written: <prefix><function-name>/<experiment-id>-<action-name>.json.")]
    public static partial void FunctionPrefixEmptyBesideLookAlike(ILogger logger, string location, string lookAlike, string functionVariable, string locationVariable);
}
