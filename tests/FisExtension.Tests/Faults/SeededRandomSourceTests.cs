using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

public sealed class SeededRandomSourceTests
{
    [Fact]
    public void Draws_AreFromZeroUpToButExcludingHundred()
    {
        var random = new SeededRandomSource(seed: 7);

        var draws = Enumerable.Range(0, 100_000).Select(_ => random.NextPercent()).ToArray();

        Assert.All(draws, draw => Assert.InRange(draw, 0, Math.BitDecrement(100.0)));
        Assert.True(draws.Min() < 1, $"lowest draw {draws.Min()}");
        Assert.True(draws.Max() > 99, $"highest draw {draws.Max()}");
    }

    [Fact]
    public void SameSeed_GivesTheSameSequence()
    {
        var first = new SeededRandomSource(seed: 42);
        var second = new SeededRandomSource(seed: 42);

        var firstDraws = Enumerable.Range(0, 1000).Select(_ => first.NextPercent()).ToArray();
        var secondDraws = Enumerable.Range(0, 1000).Select(_ => second.NextPercent()).ToArray();

        Assert.Equal(firstDraws, secondDraws);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentSequences()
    {
        var first = new SeededRandomSource(seed: 1);
        var second = new SeededRandomSource(seed: 2);

        var firstDraws = Enumerable.Range(0, 100).Select(_ => first.NextPercent()).ToArray();
        var secondDraws = Enumerable.Range(0, 100).Select(_ => second.NextPercent()).ToArray();

        Assert.NotEqual(firstDraws, secondDraws);
    }

    [Fact]
    public void WithoutSeed_TwoSourcesGiveDifferentSequences()
    {
        var first = new SeededRandomSource(seed: null);
        var second = new SeededRandomSource(seed: null);

        var firstDraws = Enumerable.Range(0, 100).Select(_ => first.NextPercent()).ToArray();
        var secondDraws = Enumerable.Range(0, 100).Select(_ => second.NextPercent()).ToArray();

        Assert.NotEqual(firstDraws, secondDraws);
    }

    [Fact]
    public async Task ConcurrentDraws_HandOutExactlyTheSeededSequence()
    {
        const int Threads = 4;
        const int Rounds = 25;
        const int DrawsPerRound = 10_000;
        var sequential = new SeededRandomSource(seed: 99);
        var expected = Enumerable.Range(0, Threads * Rounds * DrawsPerRound).Select(_ => sequential.NextPercent()).Order().ToArray();
        var shared = new SeededRandomSource(seed: 99);
        using var roundStart = new Barrier(Threads);

        // Every round starts all threads together, so that their draws really overlap on a small machine.
        double[] DrawInRounds()
        {
            var draws = new double[Rounds * DrawsPerRound];
            for (var i = 0; i < draws.Length; i++)
            {
                if (i % DrawsPerRound == 0)
                {
                    roundStart.SignalAndWait();
                }

                draws[i] = shared.NextPercent();
            }

            return draws;
        }

        // Dedicated threads: a Barrier across more pool tasks than cores would wait for the pool to grow.
        var perThread = await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ =>
            Task.Factory.StartNew(DrawInRounds, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        // An unguarded Random repeats or loses values under contention; a locked one hands out each seeded draw once.
        Assert.Equal(expected, perThread.SelectMany(draws => draws).Order().ToArray());
    }
}
