using System.Globalization;
using System.Text;

namespace FisExtension.Benchmarks;

/// <summary>Writes the raw pair durations, so a surprising percentile can be looked at rather than guessed at.</summary>
internal static class RawSamplesCsv
{
    public static async Task WriteAsync(string directory, LatencySamples samples)
    {
        var csv = new StringBuilder("side,round,microseconds\n");
        Append(csv, "direct", samples.Direct);
        Append(csv, "proxied", samples.Proxied);
        var fileName = "latency-" + samples.Name.Replace(' ', '-').ToLowerInvariant() + ".csv";
        await File.WriteAllTextAsync(Path.Combine(directory, fileName), csv.ToString());
    }

    private static void Append(StringBuilder csv, string side, IReadOnlyList<(int Round, double Microseconds)> values)
    {
        foreach (var (round, microseconds) in values)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{side},{round},{microseconds:0.0}\n");
        }
    }
}
