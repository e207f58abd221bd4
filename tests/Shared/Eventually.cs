namespace FisExtension.Tests.Shared;

/// <summary>
/// Waits for a condition that another process or a background task makes true (a file written, a line logged, a
/// request received). Linked into every test project that needs it.
/// </summary>
internal static class Eventually
{
    // Output from other processes reached the test host seconds late on a 2-core machine at load 20 (CI-like load).
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultPatience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
