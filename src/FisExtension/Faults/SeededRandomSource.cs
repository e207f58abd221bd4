namespace FisExtension.Faults;

/// <summary>
/// The production <see cref="IRandomSource"/>: one <see cref="Random"/> behind a lock, seeded from
/// <c>AWS_FIS_RANDOM_SEED</c> when given. With a seed, the sequence of draws is the same on every run; which
/// concurrent invocation receives which draw still depends on their order of arrival.
/// </summary>
internal sealed class SeededRandomSource : IRandomSource
{
    private readonly Lock _drawLock = new();
    private readonly Random _random;

    /// <param name="seed">A fixed seed for reproducible runs, or null for an unpredictable sequence.</param>
    public SeededRandomSource(int? seed)
    {
        // new Random(seed) keeps the legacy seeded algorithm, which .NET promises stays stable across versions,
        // so a seed reproduces the same draws after an upgrade too.
        _random = seed is { } fixedSeed ? new Random(fixedSeed) : new Random();
    }

    /// <inheritdoc/>
    public double NextPercent()
    {
        // Random is not thread-safe: concurrent calls can corrupt its state and return zeros forever.
        lock (_drawLock)
        {
            return _random.NextDouble() * 100;
        }
    }
}
