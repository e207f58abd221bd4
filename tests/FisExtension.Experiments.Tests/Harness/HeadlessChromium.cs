using System.Diagnostics;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Debian's <c>chromium</c> (apt-get install -y chromium), headless, with a fresh profile per call and no
/// network chatter of its own; tests that use it carry the trait Category=Browser.</summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>Runs chromium on a local file with one more flag (<c>--screenshot=…</c>, <c>--print-to-pdf=…</c>,
    /// <c>--dump-dom</c>) and returns its standard output.</summary>
    public static async Task<string> RunAsync(string page, params string[] flags)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: apt-get install -y chromium (or filter out Category=Browser).");
        var profile = Directory.CreateTempSubdirectory("fisctl-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", "--window-size=1200,1400" }.Concat(flags))
            {
                start.ArgumentList.Add(flag);
            }

            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await error}");
            return await output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
