using System.Text.RegularExpressions;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The endpoints the fis-emulator executable prints when it is ready (<c>Lambda API: http://127.0.0.1:…/</c>).</summary>
internal static partial class EmulatorEndpoints
{
    public static async Task<Uri> ReadAsync(StreamReader output, string label)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(label, StringComparison.Ordinal)) return new Uri(EndpointPattern().Match(line).Value);
        }
        throw new InvalidOperationException($"the emulator ended before printing {label}");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex EndpointPattern();
}
