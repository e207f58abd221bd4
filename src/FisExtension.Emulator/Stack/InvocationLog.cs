using System.Text;

namespace FisExtension.Emulator.Stack;

/// <summary>One invocation's lines of its environment's log, START to REPORT, and the tail that Invoke returns with
/// <c>X-Amz-Log-Type: Tail</c>: "the last 4 KB of the execution log, which is base64-encoded" (API reference, Invoke).</summary>
internal static class InvocationLog
{
    public const int TailBytes = 4096;

    public static string Lines(IReadOnlyList<string> log, string requestId)
    {
        var start = -1;
        for (var i = log.Count - 1; i >= 0; i--)
        {
            if (log[i].StartsWith($"START RequestId: {requestId} ", StringComparison.Ordinal))
            {
                start = i;
                break;
            }
        }
        if (start < 0) return "";
        var lines = new StringBuilder();
        for (var i = start; i < log.Count; i++)
        {
            lines.Append(log[i]).Append('\n');
            if (log[i].StartsWith($"REPORT RequestId: {requestId}", StringComparison.Ordinal)) break;
        }
        return lines.ToString();
    }

    public static string Tail(string lines)
    {
        var bytes = Encoding.UTF8.GetBytes(lines);
        var from = Math.Max(0, bytes.Length - TailBytes);
        while (from < bytes.Length && (bytes[from] & 0xC0) == 0x80) from++; // start on a whole UTF-8 character
        return Convert.ToBase64String(bytes, from, bytes.Length - from);
    }
}
