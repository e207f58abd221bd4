using System.Globalization;
using System.Text;

namespace FisExtension.Benchmarks;

/// <summary>Renders a <see cref="BenchReport"/> as the Markdown tables of <c>results.md</c>.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        Line(md, "# fis-extension benchmark");
        Line(md);
        Line(md, $"Run {report.StartedAtUtc} on {report.Machine}; load average {report.LoadAverageAtStart} at start, {report.LoadAverageAtEnd} at end; binary `{report.Binary}`.");
        if (report.ExtraExtensionEnvironment.Count > 0)
        {
            Line(md, $"Extra extension environment: {string.Join(", ", report.ExtraExtensionEnvironment.Select(pair => $"`{pair.Key}={pair.Value}`"))}.");
        }

        Line(md, "Latency is measured as proxied vs direct in interleaved blocks within one run: compare the ratio and the added time, not absolute values, across machines.");
        Line(md);
        if (report.Versus is { } versus)
        {
            VersusMarkdown.Render(md, versus, report.Size);
        }

        Line(md, "| metric | value | notes |");
        Line(md, "|---|---|---|");
        if (report.Size is { } size)
        {
            Line(md, $"| binary size | {Mebibytes(size.BinaryBytes)} | `fis-extension`, {size.BinaryBytes:N0} bytes |");
            if (size.LauncherBytes is { } launcher)
            {
                Line(md, $"| launcher size | {Mebibytes(launcher)} | `extensions/fis-extension`, which execs the extension, {launcher:N0} bytes |");
            }

            Line(md, size.LayerZipBytes is { } zip
                ? $"| layer zip size | {Mebibytes(zip)} | {zip:N0} bytes |"
                : "| layer zip size | n/a | zip not found |");
        }

        if (report.Startup is { } startup)
        {
            Line(md, $"| start → registered | {Ms(startup.StartToRegisteredMs.Median)} median, {Ms(startup.StartToRegisteredMs.P90)} p90 | {startup.Runs} cold starts after 1 warm-up; min {Ms(startup.StartToRegisteredMs.Min)}, max {Ms(startup.StartToRegisteredMs.Max)} |");
            Line(md, startup.ShutdownMs is { } shutdown
                ? $"| SHUTDOWN → exit | {Ms(shutdown.Median)} median, {Ms(shutdown.P90)} p90 | no runtime attached; max {Ms(shutdown.Max)} |"
                : "| SHUTDOWN → exit | n/a | no run exited in time |");
            if (startup.ShutdownWithNextInFlightMs is { } inFlight)
            {
                Line(md, $"| SHUTDOWN → exit, runtime parked in /next | {Ms(inFlight.Median)} median, {Ms(inFlight.Max)} max | {inFlight.Count} runs; the runtime is still connected, its /next waiting through the proxy |");
            }

            if (startup.ShutdownAfterRuntimeLeftMs is { } runtimeLeft)
            {
                Line(md, $"| SHUTDOWN → exit, runtime gone | {Ms(runtimeLeft.Median)} median, {Ms(runtimeLeft.Max)} max | {runtimeLeft.Count} runs; the runtime dropped its parked /next just before SHUTDOWN, as when Lambda stops it first |");
            }

            if (startup.ShutdownsOverBudget > 0)
            {
                Line(md, $"| shutdowns over 2,000 ms | {startup.ShutdownsOverBudget} | Lambda would SIGKILL these |");
            }
        }

        if (report.Memory is { } memory)
        {
            Line(md, $"| RSS idle | {Kib(memory.IdleRssKiB)} | after registering, {memory.ForwardedPairs} invocations ({memory.ForwardedPairs * 2} forwarded requests) and {memory.IdleMilliseconds} ms idle; anon {Kib(memory.RssAnonKiB)}, file {Kib(memory.RssFileKiB)} |");
            Line(md, $"| RSS peak (VmHWM) | {Kib(memory.PeakRssKiB)} | same process |");
        }

        foreach (var latency in report.Latency)
        {
            Line(md, $"| added latency, {latency.Name} | {Us(latency.AddedMedianUs)} median (×{latency.MedianRatio.ToString("0.00", CultureInfo.InvariantCulture)}) | per GET /next + POST /response pair; p90 +{Us(latency.AddedP90Us)}, p99 +{Us(latency.AddedP99Us)} |");
        }

        if (report.Delay is { } delay)
        {
            var excess = delay.ActualMinusRequestedMs;
            Line(md, $"| injected delay, actual − requested | {SignedMs(excess.Median)} median, {SignedMs(excess.P90)} p90, {SignedMs(excess.P99)} p99 | {excess.Count} invocations delayed {delay.RequestedMs} ms; min {SignedMs(excess.Min)}, max {SignedMs(excess.Max)} |");
        }

        foreach (var run in report.Percentage)
        {
            Line(md, $"| invocation error at {Percent(run.RequestedPercent)}, {SeedName(run.Seed)} | {Percent(run.ObservedPercent)} hit ({Sigmas(run.DistanceSigmas)}) | {run.Hits:N0} of {run.Invocations:N0} invocations ended in FisInjectedError; expected {run.ExpectedHits:N0} ± {run.Sigma:0.0} |");
        }

        if (report.Latency.Count > 0)
        {
            Line(md);
            Line(md, "| pair (GET /next + POST /response) | pairs each way | direct median | proxied median | added | ratio | direct p90 | proxied p90 | direct p99 | proxied p99 | errors | bodies whole | extension VmHWM |");
            Line(md, "|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var l in report.Latency)
            {
                Line(md, $"| {l.Name} | {l.ProxiedUs.Count:N0} | {Us(l.DirectUs.Median)} | {Us(l.ProxiedUs.Median)} | {Us(l.AddedMedianUs)} | ×{l.MedianRatio.ToString("0.00", CultureInfo.InvariantCulture)} | {Us(l.DirectUs.P90)} | {Us(l.ProxiedUs.P90)} | {Us(l.DirectUs.P99)} | {Us(l.ProxiedUs.P99)} | {l.Errors} | {(l.BodiesArrivedWhole ? "yes" : "NO")} | {Kib(l.ExtensionPeakRssKiB)} |");
            }

            var first = report.Latency[0];
            Line(md);
            Line(md, $"Blocks of {first.BlockSize} pairs alternate direct/proxied, the order flipping every round; {first.WarmupPairs} warm-up pairs each way are discarded. Both sides use the same HttpClient settings and the same fake API.");
        }

        if (report.Delay is { } d)
        {
            var e = d.ActualMinusRequestedMs;
            Line(md);
            Line(md, "| injected delay | invocations | requested | baseline /next median | delayed /next median | actual − requested: p50 | p90 | p99 | min | max | errors |");
            Line(md, "|---|---|---|---|---|---|---|---|---|---|---|");
            Line(md, $"| `aws:lambda:invocation-add-delay`, 100 % | {e.Count:N0} | {d.RequestedMs} ms | {Ms2(d.BaselineNextMs.Median)} | {Ms2(d.DelayedNextMs.Median)} | {SignedMs(e.Median)} | {SignedMs(e.P90)} | {SignedMs(e.P99)} | {SignedMs(e.Min)} | {SignedMs(e.Max)} | {d.Errors} |");
            Line(md);
            Line(md, $"Actual = a delayed GET /next through the proxy (request sent → event read) − the median GET /next of a second extension without a configuration location. Blocks of {d.BlockSize} alternate delayed/baseline, the order flipping every round; {d.WarmupDelays} delayed invocations (the first waits for the first poll) are discarded.");
        }

        if (report.Percentage.Count > 0)
        {
            Line(md);
            Line(md, "| invocation error, preventExecution false | invocations | FisInjectedError | response | other | observed | expected | σ = √(n·p·(1−p)) | distance | runtime errors |");
            Line(md, "|---|---|---|---|---|---|---|---|---|---|");
            foreach (var run in report.Percentage)
            {
                Line(md, $"| {Percent(run.RequestedPercent)}, {SeedName(run.Seed)} | {run.Invocations:N0} | {run.Hits:N0} | {run.Responses:N0} | {run.OtherOutcomes} | {Percent(run.ObservedPercent)} | {run.ExpectedHits:N0} | {run.Sigma:0.0} | {Sigmas(run.DistanceSigmas)} | {run.Errors} |");
            }

            Line(md);
            Line(md, "Each invocation is GET /next and POST /response through the proxy; the fake API records per request id whether /error with `Lambda-Runtime-Function-Error-Type: FisInjectedError` or /response reached it. |distance| above 3 σ would happen by chance about once in 370 runs.");
        }

        Line(md);
        if (report.UnexpectedExtensionOutput.Count == 0)
        {
            Line(md, "The extension printed nothing but its normal start, listen, register, configuration and shutdown lines, and the poll and fault lines the fault parts cause.");
        }
        else
        {
            Line(md, "Unexpected extension output:");
            Line(md);
            foreach (var line in report.UnexpectedExtensionOutput)
            {
                Line(md, $"- `{line}`");
            }
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static string Mebibytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static string Kib(long kib) => (kib / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    private static string Ms2(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string SignedMs(double milliseconds) => milliseconds.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Percent(double percent) => percent.ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Sigmas(double sigmas) => sigmas.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture) + " σ";

    private static string SeedName(int? seed) => seed is { } value ? $"seed {value}" : "unseeded";

    private static string Us(double microseconds) => microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";
}
