using System.Text.Json;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>Checks on the extension's whole output once its environment has ended.</summary>
internal static class ExtensionOutputAudit
{
    /// <summary>
    /// Waits for the emulator's record of the shutdown, then asserts the extension (logging in the JSON format) said
    /// it was shutting down for <paramref name="reason"/> and wrote no warning, no error and no exception at all.
    /// </summary>
    public static async Task AssertQuietShutdownAsync(ExtensionHarness harness, string reason)
    {
        // The emulator records it once the extensions exited or the shutdown budget ran out (10 s, HarnessOptions),
        // and a reset after a timeout starts on its own: the wait must outlast the budget.
        Assert.True(
            await Eventually.TrueAsync(() => harness.Emulator.Logs.Any(l => l.Contains($"SHUTDOWN reason: {reason}", StringComparison.Ordinal)), TimeSpan.FromSeconds(30)),
            "the emulator recorded the end of the environment");
        var lines = ExtensionOutput.JsonLines(harness).Where(line => line.TryGetProperty("level", out _)).ToList();
        Assert.Contains(lines, line => Message(line).EndsWith($"shutting down ({reason})", StringComparison.Ordinal));
        var alarming = lines.Where(line => line.GetProperty("level").GetString() is not ("INFO" or "DEBUG") || Message(line).Contains("Exception", StringComparison.Ordinal)).ToList();
        Assert.True(alarming.Count == 0, "alarming lines: " + string.Join(" | ", alarming.Select(Message)));
    }

    private static string Message(JsonElement line) => Json.Find(line, "fields", "message")?.GetString() ?? "";
}
