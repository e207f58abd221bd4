using System.Globalization;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>Resident memory of the harness's extension process, read from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class ExtensionMemory
{
    /// <summary>One kB field (<c>VmRSS</c>, <c>VmHWM</c>) of the extension process started from the harness's layer.</summary>
    public static long Kilobytes(ExtensionHarness harness, string field)
    {
        var status = Path.Combine(ProcessDirectory(harness), "status");
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{status} has no {field}");
    }

    // The extension runs as <opt>/extensions/fis-extension, and each harness has its own temporary <opt>.
    private static string ProcessDirectory(ExtensionHarness harness)
    {
        var executable = Path.Combine(harness.OptDirectory, "extensions", "fis-extension");
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
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
        }

        throw new InvalidOperationException($"no process runs {executable}");
    }
}
