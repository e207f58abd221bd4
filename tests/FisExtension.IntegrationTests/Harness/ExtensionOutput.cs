using System.Text.Json;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>The extension's standard output as the emulator captured it: log lines and EMF metric lines.</summary>
internal static class ExtensionOutput
{
    private const string Prefix = "[extension:fis-extension] ";

    /// <summary>What a poll logs when it found no fault (the store is empty, or every object has ended).</summary>
    public const string NoActiveFaults = "no active faults found";

    /// <summary>Every line the extension wrote, without the emulator's prefix.</summary>
    public static IReadOnlyList<string> Lines(ExtensionHarness harness) => harness.Emulator.Logs
        .Where(l => l.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(l => l[Prefix.Length..])
        .ToList();

    /// <summary>The lines that are JSON objects (EMF metrics, and log lines in the JSON log format).</summary>
    public static IReadOnlyList<JsonElement> JsonLines(ExtensionHarness harness) => Lines(harness)
        .Where(l => l.StartsWith('{'))
        .Select(Json.Parse)
        .ToList();

    /// <summary>EMF lines carrying the metric <paramref name="metric"/>.</summary>
    public static IReadOnlyList<JsonElement> Metrics(ExtensionHarness harness, string metric) => JsonLines(harness)
        .Where(line => line.TryGetProperty("_aws", out _) && line.TryGetProperty(metric, out _))
        .ToList();

    /// <summary>The line the extension writes when it delays the invocation <paramref name="requestId"/> (text log format).</summary>
    public static string DelayLine(int milliseconds, string experimentId, string actionName, string requestId) =>
        $"adding {milliseconds} milliseconds of latency to function invocation (experiment {experimentId}, action {actionName}) (requestId {requestId})";

    /// <summary>Whether the extension logged a delay, of any length, for the invocation <paramref name="requestId"/>.</summary>
    public static bool Delayed(ExtensionHarness harness, string requestId) => Lines(harness).Any(l =>
        l.Contains(" milliseconds of latency to function invocation ", StringComparison.Ordinal) && l.Contains($"(requestId {requestId})", StringComparison.Ordinal));

    /// <summary>How many times the extension polled its configuration location so far.</summary>
    public static int PollCount(ExtensionHarness harness) =>
        Lines(harness).Count(l => l.Contains("AWS FIS EXTENSION - polling directory", StringComparison.Ordinal));
}
