using System.Globalization;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>The harness's extension process, found in <c>/proc</c> by the command line Lambda started it with.</summary>
internal static class ExtensionProcess
{
    /// <summary><c>/proc/&lt;pid&gt;</c> of the process started as <c>&lt;opt&gt;/extensions/fis-extension</c>; each harness has its own temporary <c>&lt;opt&gt;</c>.</summary>
    public static string Directory(ExtensionHarness harness)
    {
        var executable = Path.Combine(harness.OptDirectory, "extensions", "fis-extension");
        foreach (var directory in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (commandLine.StartsWith(executable + "\0", StringComparison.Ordinal))
                {
                    return directory;
                }
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's process.
            }
        }

        throw new InvalidOperationException($"no process runs {executable}");
    }
}
