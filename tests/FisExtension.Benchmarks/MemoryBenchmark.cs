namespace FisExtension.Benchmarks;

/// <summary>RSS of an extension that registered, forwarded some invocations and then sat idle.</summary>
internal static class MemoryBenchmark
{
    private const int ForwardedPairs = 100;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly byte[] SmallBody = new byte[1024];

    public static async Task<MemoryResult> MeasureAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit)
    {
        using var extension = await RunningExtension.StartAsync(api, options, audit);
        using (var runtime = new RuntimeLoopClient(extension.ProxyAddress))
        {
            for (var i = 0; i < ForwardedPairs; i++)
            {
                await runtime.RunPairAsync(SmallBody);
            }

            if (runtime.Errors > 0)
            {
                audit.Add([$"(memory run: {runtime.Errors} forwarded pairs failed, first: {runtime.FirstError})"]);
            }
        }

        await Task.Delay(Idle);
        var process = extension.Process;
        var result = new MemoryResult(
            ForwardedPairs,
            (int)Idle.TotalMilliseconds,
            process.ReadStatusKiB("VmRSS"),
            process.ReadStatusKiB("VmHWM"),
            process.ReadStatusKiB("RssAnon"),
            process.ReadStatusKiB("RssFile"));
        await extension.ShutdownAsync();
        return result;
    }
}
