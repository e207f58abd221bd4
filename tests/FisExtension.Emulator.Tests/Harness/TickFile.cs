namespace FisExtension.Emulator.Tests.Harness;

/// <summary>A file a function's ticker appends a line to every 50 ms while its processes run (SHELL_RUNTIME_TICK_FILE).</summary>
internal static class TickFile
{
    public static int Count(string path) => File.Exists(path) ? File.ReadAllLines(path).Length : 0;

    /// <summary>
    /// The count once it has not changed for <paramref name="quiet"/> (six ticks' worth), or null if it kept changing
    /// for <paramref name="within"/>. The freeze comes after the answer (once the runtime asks for its next event), and
    /// on a loaded machine it landed more than the 200 ms the tests once allowed after it (flake hunt, 2026-12-02). A
    /// ticker that is never frozen never settles.
    /// </summary>
    public static async Task<int?> SettledAsync(string path, TimeSpan quiet, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        var count = Count(path);
        var unchangedSince = DateTime.UtcNow;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(20);
            var now = Count(path);
            if (now != count)
            {
                (count, unchangedSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - unchangedSince >= quiet)
            {
                return count;
            }
        }

        return null;
    }
}
