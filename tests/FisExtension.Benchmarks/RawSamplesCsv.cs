using System.Globalization;
using System.Text;

namespace FisExtension.Benchmarks;

/// <summary>Writes the raw pair durations and delay-part /next times, so a surprising percentile can be looked at rather than guessed at.</summary>
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

    public static async Task WriteAsync(string directory, DelaySamples samples)
    {
        var csv = new StringBuilder("side,round,second,milliseconds\n");
        foreach (var (side, values) in new[] { ("baseline", samples.Baseline), ("delayed", samples.Delayed) })
        {
            foreach (var sample in values)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{side},{sample.Round},{sample.Second:0.000},{sample.Milliseconds:0.000}\n");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "delay.csv"), csv.ToString());
    }

    private static void Append(StringBuilder csv, string side, IReadOnlyList<(int Round, double Microseconds)> values)
    {
        foreach (var (round, microseconds) in values)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{side},{round},{microseconds:0.0}\n");
        }
    }
}
