using System.Globalization;
using System.Text;

namespace FisExtension.Benchmarks;

/// <summary>The overhead targets of <c>fis-extension</c>, each as an absolute figure and as a ratio to the Rust reference.</summary>
internal static class VersusMarkdown
{
    private const string Ours = "fis-extension";
    private const string Rust = "rust-hyper";
    private const double MiB = 1024 * 1024;

    public static void Render(StringBuilder md, VersusResult versus, SizeResult? size)
    {
        Line(md, "## Targets: fis-extension against the Rust reference, same run");
        Line(md);
        Line(md, "| measure | fis-extension | Rust reference | ratio | target | met |");
        Line(md, "|---|---|---|---|---|---|");
        foreach (var latency in versus.Latency)
        {
            var ours = Subject(latency, Ours);
            var rust = Subject(latency, Rust);
            var limit = latency.BodyBytes > 1024 ? 1.5 : 1.0;
            Ratio(md, $"added latency per invocation, {latency.Name}, p50", SignedUs(ours.AddedMedianMicroseconds), SignedUs(rust.AddedMedianMicroseconds), ours.AddedMedianMicroseconds, rust.AddedMedianMicroseconds, limit, extra: null);
            Ratio(md, $"extension CPU per invocation, {latency.Name}", Ms(ours.CpuMillisecondsPerInvocation), Ms(rust.CpuMillisecondsPerInvocation), ours.CpuMillisecondsPerInvocation, rust.CpuMillisecondsPerInvocation, 1.5, extra: null);
            Line(md, $"| context switches per invocation, {latency.Name} | {ours.ContextSwitchesPerInvocation:0.0} | {rust.ContextSwitchesPerInvocation:0.0} | {Times(ours.ContextSwitchesPerInvocation, rust.ContextSwitchesPerInvocation)} | — | |");
        }

        if (versus.Startup.Count > 0)
        {
            var ours = versus.Startup.Single(s => s.Subject == Ours).StartToRegisteredMs.Median;
            var rust = versus.Startup.Single(s => s.Subject == Rust).StartToRegisteredMs.Median;
            Ratio(md, "start → registered, median", Ms(ours), Ms(rust), ours, rust, 2.0, extra: (ours < 15, "and < 15 ms"));
            var oursServing = versus.Startup.Single(s => s.Subject == Ours).StartToProxyAnswerMs.Median;
            var rustServing = versus.Startup.Single(s => s.Subject == Rust).StartToProxyAnswerMs.Median;
            Line(md, $"| start → first answer through the proxy, median | {Ms(oursServing)} | {Ms(rustServing)} | {Times(oursServing, rustServing)} | — | |");
            var oursServingCpu = versus.Startup.Single(s => s.Subject == Ours).StartToProxyAnswerCpuMs.Median;
            var rustServingCpu = versus.Startup.Single(s => s.Subject == Rust).StartToProxyAnswerCpuMs.Median;
            Line(md, $"| CPU from start to the first answer, median | {Ms(oursServingCpu)} | {Ms(rustServingCpu)} | {Times(oursServingCpu, rustServingCpu)} | — | |");
        }

        foreach (var memory in versus.Memory.Where(m => m.Subject == Ours))
        {
            var rust = versus.Memory.Single(m => m.Subject == Rust);
            Absolute(md, "RSS idle", memory.IdleRssKiB * 1024, rust.IdleRssKiB * 1024, 16);
            Absolute(md, $"RSS after {memory.SoakInvocations:N0} invocations of 1 MiB", memory.SoakRssKiB * 1024, rust.SoakRssKiB * 1024, 32);
        }

        if (size is not null)
        {
            Absolute(md, size.LauncherBytes is null ? "binary" : "binaries (extension + launcher)", size.BinariesBytes, versus.RustBinaryBytes, 12);
            if (size.LayerZipBytes is { } zip)
            {
                Line(md, $"| layer zip | {Mib(zip)} | — | — | ≤ 5 MiB | {Met(zip / MiB <= 5)} |");
            }
        }

        foreach (var latency in versus.Latency)
        {
            Line(md);
            Line(md, $"| {latency.Name}: pair (GET /next + POST /response) | median | p90 | p99 | added median | added p99 | CPU per invocation | of it, system | context switches per invocation |");
            Line(md, "|---|---|---|---|---|---|---|---|---|");
            var d = latency.DirectMicroseconds;
            Line(md, $"| direct | {Us(d.Median)} | {Us(d.P90)} | {Us(d.P99)} | — | — | — | — | — |");
            foreach (var s in latency.Subjects)
            {
                var p = s.PairMicroseconds;
                Line(md, $"| {s.Subject} | {Us(p.Median)} | {Us(p.P90)} | {Us(p.P99)} | {SignedUs(s.AddedMedianMicroseconds)} | {SignedUs(s.AddedP99Microseconds)} | {Ms(s.CpuMillisecondsPerInvocation)} | {Ms(s.SystemCpuMillisecondsPerInvocation)} | {s.ContextSwitchesPerInvocation:0.0} |");
            }
        }

        if (versus.Startup.Count > 0)
        {
            Line(md);
            Line(md, "| start-up | start → registered, median (p90) | start → first answer through the proxy, median (p90) | CPU until then, median (p90) |");
            Line(md, "|---|---|---|---|");
            foreach (var s in versus.Startup)
            {
                Line(md, $"| {s.Subject} | {Ms(s.StartToRegisteredMs.Median)} ({Ms(s.StartToRegisteredMs.P90)}) | {Ms(s.StartToProxyAnswerMs.Median)} ({Ms(s.StartToProxyAnswerMs.P90)}) | {Ms(s.StartToProxyAnswerCpuMs.Median)} ({Ms(s.StartToProxyAnswerCpuMs.P90)}) |");
            }
        }

        foreach (var memory in versus.Memory)
        {
            Line(md);
            Line(md, $"- {memory.Subject}: RSS {Mib(memory.IdleRssKiB * 1024)} idle, {Mib(memory.SoakRssKiB * 1024)} after {memory.SoakInvocations:N0} invocations of 1 MiB (peak {Mib(memory.SoakPeakRssKiB * 1024)}).");
        }

        Line(md);
        Line(md, $"{versus.Latency.FirstOrDefault()?.PairsEachWay:N0} pairs each way per body size, in blocks rotating through direct, fis-extension and the Rust reference; each proxy and the direct loop have a fake API process of their own, and an extension registered for INVOKE gets one event per invocation through it. CPU is user + system time of the proxy's process over the measured pairs (10 ms clock ticks), context switches those of its live threads; start-up CPU is the run time of its live threads when the proxy first answered (`/proc/<pid>/task/*/schedstat`). Rust reference: `{versus.RustBinary}`.");
        Line(md);
    }

    private static VersusSubjectLatency Subject(VersusLatency latency, string name) => latency.Subjects.Single(s => s.Subject == name);

    private static void Ratio(StringBuilder md, string measure, string ours, string rust, double oursValue, double rustValue, double limit, (bool Met, string Text)? extra)
    {
        var met = rustValue > 0 && oursValue / rustValue <= limit && (extra?.Met ?? true);
        Line(md, $"| {measure} | {ours} | {rust} | {Times(oursValue, rustValue)} | ≤ ×{limit.ToString("0.0", CultureInfo.InvariantCulture)}{(extra is { } e ? " " + e.Text : "")} | {Met(met)} |");
    }

    private static void Absolute(StringBuilder md, string measure, long oursBytes, long rustBytes, double limitMiB) =>
        Line(md, $"| {measure} | {Mib(oursBytes)} | {Mib(rustBytes)} | {Times(oursBytes, rustBytes)} | ≤ {limitMiB} MiB | {Met(oursBytes / MiB <= limitMiB)} |");

    private static string Times(double ours, double rust) => rust > 0 ? "×" + (ours / rust).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Us(double microseconds) => microseconds.ToString("0", CultureInfo.InvariantCulture) + " µs";

    private static string SignedUs(double microseconds) => microseconds.ToString("+0;−0;0", CultureInfo.InvariantCulture) + " µs";

    private static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms";

    private static string Mib(double bytes) => (bytes / MiB).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
