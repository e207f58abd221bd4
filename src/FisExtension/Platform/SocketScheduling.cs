using FisExtension.Configuration;

namespace FisExtension.Platform;

/// <summary>
/// Runs socket completions, and Kestrel's reads and writes after them, on the socket engine's own thread instead of
/// hopping to the thread pool for each one. The proxy does little work per completion and never blocks on one, so the
/// hops were most of its cost: in a same-run bench (scripts/bench.sh --only versus, 2,000 pairs, with 64 KiB transport
/// blocks) context switches per invocation fell from 43 to 7.6 at 1 KiB (the Rust reference: 7.5) and from 136 to 11.5
/// at 1 MiB, and CPU per invocation from 0.35 to 0.22 ms and from 1.57 to 1.10 ms. Kestrel's option alone doubled the
/// 1 MiB latency while its transport read 4 KiB blocks; the runtime's alone changed nothing measurable.
/// </summary>
internal static class SocketScheduling
{
    /// <summary>The runtime's switch, unless the environment already says otherwise; call before the first socket.</summary>
    public static void PreferInlineCompletions(Func<string, string?> getEnvironmentVariable, Action<string, string> setEnvironmentVariable)
    {
        if (getEnvironmentVariable(EnvironmentVariables.InlineSocketCompletions) is null)
        {
            setEnvironmentVariable(EnvironmentVariables.InlineSocketCompletions, "1");
        }
    }
}
