using System.Text;
using System.Text.RegularExpressions;

namespace FisExtension.Experiments.Load;

/// <summary>
/// Finds the fault actions in an invocation's log tail: the extension logs every injection as
/// <c>AWS FIS EXTENSION - … (experiment EXP…, action NAME)</c>, as text or inside Lambda's JSON log format.
/// </summary>
public static partial class ExtensionLogTail
{
    public const string LinePrefix = FisExtension.Contract.Logs.ExtensionLogLines.Prefix;

    /// <summary>The action names, in log order, from the base64 <c>X-Amz-Log-Result</c>; none when absent or not base64.</summary>
    public static IReadOnlyList<string> FaultActions(string? base64Tail)
    {
        if (string.IsNullOrEmpty(base64Tail))
        {
            return [];
        }

        var bytes = new byte[base64Tail.Length];
        if (!Convert.TryFromBase64String(base64Tail, bytes, out var length))
        {
            return [];
        }

        var actions = new List<string>();
        foreach (var line in Encoding.UTF8.GetString(bytes, 0, length).Split('\n'))
        {
            var at = line.IndexOf(LinePrefix, StringComparison.Ordinal);
            if (at >= 0 && ActionName().Match(line, at) is { Success: true } match)
            {
                actions.Add(match.Groups["action"].Value);
            }
        }

        return actions;
    }

    [GeneratedRegex(@"\(experiment [^,()]+, action (?<action>[^)""]+)\)")]
    private static partial Regex ActionName();
}
