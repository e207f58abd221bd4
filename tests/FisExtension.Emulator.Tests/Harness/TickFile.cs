namespace FisExtension.Emulator.Tests.Harness;

/// <summary>
/// A ticker's file: a background loop appends a line every 50 ms and writes its own process id to
/// <c>&lt;path&gt;.pid</c> (tests/functions/shell-runtime/bootstrap, or a test's extension script).
/// </summary>
internal static class TickFile
{
    public static int Count(string path) => File.Exists(path) ? File.ReadAllLines(path).Length : 0;

    /// <summary>
    /// The count once every process of the ticker's process group is stopped, or null if they were not all stopped
    /// within <paramref name="within"/>. A stopped process writes nothing, so the count cannot change until the group
    /// is continued. Waiting for a quiet spell instead had to guess: a loaded machine stalled the ticker past 300 ms
    /// before the freeze had come (CI, 2026-12-02).
    /// </summary>
    public static async Task<int?> FrozenAsync(string path, TimeSpan within) =>
        await Eventually.TrueAsync(() => IsFrozen(path), within) ? Count(path) : null;

    /// <summary>Whether every process in the ticker's process group is in state T, as the emulator's SIGSTOP to the group
    /// leaves it (proc(5): /proc/&lt;pid&gt;/stat fields 3 and 5). False while the ticker has not started.</summary>
    public static bool IsFrozen(string path)
    {
        if (!File.Exists(path + ".pid") || ProcessStat.Read(File.ReadAllText(path + ".pid").Trim()) is not { } ticker) return false;
        var group = ProcessStat.All().Where(p => p.Group == ticker.Group).ToList();
        return group.Count > 0 && group.All(p => p.State is 'T' or 'Z');
    }
}
