using System.Globalization;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>Resident memory of the harness's extension process, read from <c>/proc/&lt;pid&gt;/status</c>.</summary>
internal static class ExtensionMemory
{
    /// <summary>One kB field (<c>VmRSS</c>, <c>VmHWM</c>) of the extension process started from the harness's layer.</summary>
    public static long Kilobytes(ExtensionHarness harness, string field)
    {
        var status = Path.Combine(ExtensionProcess.Directory(harness), "status");
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"{status} has no {field}");
    }
}
