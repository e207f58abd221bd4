using FisExtension.Emulator.Lifecycle;

namespace FisExtension.Emulator.Tests;

public sealed class IdGeneratorTests
{
    /// <summary>
    /// The stack's generator and every environment's draw from the options' one Random at the same time. System.Random
    /// is not thread-safe: drawn from unguarded, a seeded one's state breaks and it repeats itself.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task GeneratorsSharingOneRandom_DrawUniqueIds_FromManyThreadsAtOnce()
    {
        var random = new Random(7);
        var generators = Enumerable.Range(0, 8).Select(_ => new IdGenerator(random, TimeProvider.System)).ToArray();
        using var go = new ManualResetEventSlim();

        var drawing = generators.Select(generator => Task.Factory.StartNew(() =>
        {
            go.Wait();
            return Enumerable.Range(0, 20_000).Select(_ => generator.NewId()).ToList();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        go.Set();
        var ids = (await Task.WhenAll(drawing)).SelectMany(batch => batch).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
