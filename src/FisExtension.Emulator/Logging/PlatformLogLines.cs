using System.Globalization;

namespace FisExtension.Emulator.Logging;

/// <summary>The platform's own lines, shaped as in CloudWatch.</summary>
internal static class PlatformLogLines
{
    public static string Start(string requestId, string version) => $"START RequestId: {requestId} Version: {version}";

    public static string End(string requestId) => $"END RequestId: {requestId}";

    /// <summary>REPORT as Lambda prints it; <c>Extensions Duration</c> (post-runtime extension time) is ours and is
    /// printed only when extensions are registered.</summary>
    public static string Report(string requestId, TimeSpan duration, TimeSpan billed, int memorySizeMb, long maxMemoryUsedMb,
        TimeSpan? initDuration, TimeSpan? extensionsDuration, string? status)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {duration.TotalMilliseconds:0.00} ms\tBilled Duration: {Math.Ceiling(billed.TotalMilliseconds):0} ms\tMemory Size: {memorySizeMb} MB\tMax Memory Used: {maxMemoryUsedMb} MB");
        if (initDuration is { } init) line += string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {init.TotalMilliseconds:0.00} ms");
        if (extensionsDuration is { } extensions) line += string.Create(CultureInfo.InvariantCulture, $"\tExtensions Duration: {extensions.TotalMilliseconds:0.00} ms");
        if (status is not null) line += $"\tStatus: {status}";
        return line;
    }

    public static string InitReport(TimeSpan duration, string status, string? errorType) =>
        string.Create(CultureInfo.InvariantCulture, $"INIT_REPORT Init Duration: {duration.TotalMilliseconds:0.00} ms\tPhase: init\tStatus: {status}")
        + (errorType is null ? "" : $"\tError Type: {errorType}");

    public static string Extension(string name, IReadOnlyList<string> events) =>
        $"EXTENSION\tName: {name}\tState: Ready\tEvents: [{string.Join(",", events)}]";

    public static string TimedOutMessage(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"Task timed out after {timeout.TotalSeconds:0.00} seconds");
}
