using System.Collections.Concurrent;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Lets one log line through per kind of refused or unforwardable request per minute: a runtime that repeats the
/// same request in a loop must not flood the function's log, and the line that does get through says how many
/// like it were left out since the last one.
/// </summary>
internal sealed class RefusalThrottle(TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>True when a line of this kind may be written now; <paramref name="leftOut"/> counts the ones held back before it.</summary>
    public bool TryPass(string kind, out int leftOut)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd(kind, _ => new Window());
        lock (window)
        {
            if (window.LastWritten is { } last && now - last < Interval)
            {
                window.LeftOut++;
                leftOut = 0;
                return false;
            }

            leftOut = window.LeftOut;
            window.LeftOut = 0;
            window.LastWritten = now;
            return true;
        }
    }

    /// <summary>The suffix a passed line carries when others of its kind were held back.</summary>
    public static string LeftOutNote(int leftOut) =>
        leftOut == 0 ? "" : $" ({leftOut} more like it in the last minute not logged)";

    private sealed class Window
    {
        public DateTimeOffset? LastWritten { get; set; }

        public int LeftOut { get; set; }
    }
}
