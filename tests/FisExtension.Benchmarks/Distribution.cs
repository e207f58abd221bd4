namespace FisExtension.Benchmarks;

/// <summary>Order statistics of a set of samples, in the unit they were given in.</summary>
internal sealed record Distribution(int Count, double Min, double Median, double P90, double P99, double Max)
{
    public static Distribution Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        return new Distribution(sorted.Length, sorted[0], Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted[^1]);
    }

    /// <summary>Linear interpolation between the closest ranks, so small samples (20 starts) do not jump a whole rank.</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        var rank = fraction * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}
