namespace FisExtension.IntegrationTests.Harness;

/// <summary>Waits for a condition on output that is captured asynchronously (the extension's log lines).</summary>
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

            await Task.Delay(25);
        }

        return true;
    }
}
