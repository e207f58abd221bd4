namespace FisExtension.Benchmarks;

/// <summary>
/// Runtime loop pairs directly against the fake API and through the proxy, in alternating blocks whose order
/// flips every round, so that drift in machine load falls on both sides alike. Warm-up pairs are not kept.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task<(LatencyResult Result, LatencySamples Samples)> MeasureAsync(string name, int bodyBytes, int pairs, BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit)
    {
        var body = new byte[bodyBytes];
        Random.Shared.NextBytes(body);

        using var extension = await RunningExtension.StartAsync(api, options, audit);
        using var direct = new RuntimeLoopClient(api.Address);
        using var proxied = new RuntimeLoopClient(extension.ProxyAddress);

        await RunInterleavedAsync(direct, proxied, body, options.WarmupPairs, options.BlockSize, directSamples: null, proxiedSamples: null);
        if (direct.Errors + proxied.Errors > 0)
        {
            audit.Add([$"({name} warm-up: {direct.Errors} direct and {proxied.Errors} proxied pairs failed; first: {proxied.FirstError ?? direct.FirstError})"]);
        }

        var errorsBefore = direct.Errors + proxied.Errors;
        var bytesBefore = api.ResponseBytes;
        var directSamples = new List<(int Round, double Microseconds)>(pairs);
        var proxiedSamples = new List<(int Round, double Microseconds)>(pairs);
        await RunInterleavedAsync(direct, proxied, body, pairs, options.BlockSize, directSamples, proxiedSamples);
        var errors = direct.Errors + proxied.Errors - errorsBefore;
        var bodiesWhole = api.ResponseBytes - bytesBefore == (long)(directSamples.Count + proxiedSamples.Count) * bodyBytes;

        var peakRss = extension.Process.ReadStatusKiB("VmHWM");
        await extension.ShutdownAsync();

        var directDistribution = Distribution.Of([.. directSamples.Select(sample => sample.Microseconds)]);
        var proxiedDistribution = Distribution.Of([.. proxiedSamples.Select(sample => sample.Microseconds)]);
        var result = new LatencyResult(
            name,
            bodyBytes,
            options.BlockSize,
            options.WarmupPairs,
            directDistribution,
            proxiedDistribution,
            proxiedDistribution.Median - directDistribution.Median,
            proxiedDistribution.P90 - directDistribution.P90,
            proxiedDistribution.P99 - directDistribution.P99,
            proxiedDistribution.Median / directDistribution.Median,
            errors,
            proxied.FirstError ?? direct.FirstError,
            bodiesWhole,
            peakRss);
        return (result, new LatencySamples(name, directSamples, proxiedSamples));
    }

    private static async Task RunInterleavedAsync(RuntimeLoopClient direct, RuntimeLoopClient proxied, byte[] body, int pairsEachWay, int blockSize, List<(int Round, double Microseconds)>? directSamples, List<(int Round, double Microseconds)>? proxiedSamples)
    {
        var done = 0;
        for (var round = 0; done < pairsEachWay; round++)
        {
            var block = Math.Min(blockSize, pairsEachWay - done);
            if (round % 2 == 0)
            {
                await RunBlockAsync(direct, body, block, round, directSamples);
                await RunBlockAsync(proxied, body, block, round, proxiedSamples);
            }
            else
            {
                await RunBlockAsync(proxied, body, block, round, proxiedSamples);
                await RunBlockAsync(direct, body, block, round, directSamples);
            }

            done += block;
        }
    }

    private static async Task RunBlockAsync(RuntimeLoopClient client, byte[] body, int pairs, int round, List<(int Round, double Microseconds)>? samples)
    {
        for (var i = 0; i < pairs; i++)
        {
            if (await client.RunPairAsync(body) is { } microseconds)
            {
                samples?.Add((round, microseconds));
            }
        }
    }
}
