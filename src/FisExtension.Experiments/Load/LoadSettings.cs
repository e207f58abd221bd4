namespace FisExtension.Experiments.Load;

/// <summary>How hard and how long to push: requests per second, each request's timeout, and the most left unanswered at once.</summary>
public sealed record LoadSettings(double RatePerSecond, TimeSpan RequestTimeout, int MaxInFlight)
{
    public const double MaxRate = 1000;

    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    public const int DefaultMaxInFlight = 1000;
}
