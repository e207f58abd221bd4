using System.Globalization;
using System.Text.Json.Nodes;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>
/// When fisctl actually put and deleted one action's object, by the lines it printed and when (it prints "… started"
/// before the put and "  wrote …" after it, "… ended" before the delete and "  deleted …" after it), and where a
/// report request (sent, then answered after its latency) falls against that. On a loaded machine the put came up to
/// 80 ms after its scheduled start (CI 2026-12-02), and a request sent on time before the start was handled after the
/// put (CI 2026-12-03), so which requests meet the object is decided here, not by the schedule.
/// </summary>
public sealed record FaultObjectTimeline(DateTimeOffset PutBegan, DateTimeOffset PutDone, DateTimeOffset DeleteBegan, DateTimeOffset DeleteDone)
{
    public static FaultObjectTimeline Of(FisctlRun run, string action) =>
        new(Printed(run, RunnerLine(action, "started")), Printed(run, l => l.StartsWith("  wrote ", StringComparison.Ordinal)),
            Printed(run, RunnerLine(action, "ended")), Printed(run, l => l.StartsWith("  deleted ", StringComparison.Ordinal)));

    public static DateTimeOffset SentAt(JsonNode? request) => (DateTimeOffset)request!["sentAt"]!;

    public static DateTimeOffset AnsweredAt(JsonNode? request) => SentAt(request).AddMilliseconds((double)request!["latencyMilliseconds"]!);

    /// <summary>The request ran at some point while the object may have been there: answered after the put began and
    /// sent before the delete was done. <paramref name="serviceTime"/>: how long a request that met the object takes
    /// at least to be answered after it met it (the fake function's fault delay), so that it was answered that much
    /// after the put began.</summary>
    public bool CouldMeet(JsonNode? request, TimeSpan serviceTime = default) =>
        AnsweredAt(request) - serviceTime >= PutBegan && SentAt(request) <= DeleteDone;

    /// <summary>The request ran only while the object was surely there: sent after the put was done and answered
    /// before the delete began.</summary>
    public bool SurelyMet(JsonNode? request) => SentAt(request) >= PutDone && AnsweredAt(request) <= DeleteBegan;

    /// <summary>The request's place on this timeline, for a failure message.</summary>
    public string Describe(JsonNode? request) =>
        $"sent {Since(SentAt(request))} ms and answered {Since(AnsweredAt(request))} ms after the put began; the put was done at {Since(PutDone)} ms, the delete ran from {Since(DeleteBegan)} to {Since(DeleteDone)} ms";

    private string Since(DateTimeOffset at) => (at - PutBegan).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The runner's own line, "&lt;time&gt; &lt;action&gt; started|ended"; the progress lines also name an action
    /// that ended, but between " · ".</summary>
    private static Func<string, bool> RunnerLine(string action, string step) =>
        line => line.EndsWith($" {action} {step}", StringComparison.Ordinal) && DateTimeOffset.TryParse(line.Split(' ')[0], CultureInfo.InvariantCulture, out _);

    private static DateTimeOffset Printed(FisctlRun run, Func<string, bool> line) => run.OutTimeline.Single(l => line(l.Line)).At;
}
