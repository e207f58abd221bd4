namespace FisExtension.Benchmarks;

/// <summary>
/// <c>fis-extension</c> against the Rust reference (<c>../shared/peers/rust-hyper</c>) and a direct runtime, in one
/// run. Each proxy has a fake API process of its own, and the direct loop a third, so every INVOKE event an
/// extension receives belongs to an invocation that went through it, and no fake's CPU is charged to a proxy.
/// Blocks of pairs rotate through direct, fis-extension and Rust, so drift in machine load falls on all alike.
/// </summary>
internal static class VersusBenchmark
{
    private const int IdlePairs = 100;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly byte[] SmallBody = new byte[1024];

    public static async Task<VersusResult> MeasureAsync(BenchOptions options, string rustBinary, ExtensionOutputAudit audit)
    {
        ProxySubject[] subjects = options.CandidateBinaryPath is not null || options.CandidateEnvironment.Count > 0
            ? [ProxySubject.FisExtension(options), ProxySubject.Candidate(options), ProxySubject.RustReference(rustBinary)]
            : [ProxySubject.FisExtension(options), ProxySubject.RustReference(rustBinary)];
        await using var directApi = await RemoteLambdaApi.StartAsync();
        var apis = new List<RemoteLambdaApi>();
        try
        {
            foreach (var _ in subjects)
            {
                apis.Add(await RemoteLambdaApi.StartAsync());
            }

            Console.Error.WriteLine($"versus: {options.ColdStarts} cold starts each, interleaved…");
            var startup = await MeasureStartupAsync(options, subjects, apis, audit);
            var latency = new List<VersusLatency>();
            foreach (var (name, bytes, pairs) in new[] { ("1 KiB body", 1024, options.SmallPairs), ("1 MiB body", 1024 * 1024, options.LargePairs) })
            {
                Console.Error.WriteLine($"versus: {name}, {pairs} pairs each way…");
                latency.Add(await MeasureLatencyAsync(name, bytes, pairs, options, subjects, apis, directApi, audit));
            }

            var memory = new List<VersusMemory>();
            for (var i = 0; i < subjects.Length; i++)
            {
                Console.Error.WriteLine($"versus: {subjects[i].Name} memory, idle and after {options.SoakInvocations} invocations of 1 MiB…");
                memory.Add(await MeasureMemoryAsync(options, subjects[i], apis[i], audit));
            }

            return new VersusResult(rustBinary, new FileInfo(rustBinary).Length, latency, startup, memory);
        }
        finally
        {
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }
        }
    }

    private static async Task<List<VersusStartup>> MeasureStartupAsync(BenchOptions options, ProxySubject[] subjects, List<RemoteLambdaApi> apis, ExtensionOutputAudit audit)
    {
        var samples = subjects.Select(_ => new List<double>()).ToArray();
        var serving = subjects.Select(_ => new List<double>()).ToArray();
        var servingCpu = subjects.Select(_ => new List<double>()).ToArray();
        for (var run = -1; run < options.ColdStarts; run++)
        {
            for (var k = 0; k < subjects.Length; k++)
            {
                // The order flips every run; run -1 warms the page cache and is not kept.
                var i = (run & 1) == 0 ? k : subjects.Length - 1 - k;
                using var extension = await RunningExtension.StartAsync(apis[i], subjects[i], audit);
                var answered = await ProxyProbe.FirstAnswerAsync(extension.ProxyAddress);
                var cpu = ThreadRunTime.Milliseconds(extension.Process.Id);
                if (run >= 0)
                {
                    samples[i].Add(extension.StartToRegisteredMilliseconds);
                    serving[i].Add(Elapsed.Milliseconds(extension.Process.StartedTimestamp, answered));
                    servingCpu[i].Add(cpu);
                }

                await extension.ShutdownAsync();
            }
        }

        return subjects.Select((subject, i) => new VersusStartup(subject.Name, Distribution.Of(samples[i]), Distribution.Of(serving[i]), Distribution.Of(servingCpu[i]))).ToList();
    }

    private static async Task<VersusLatency> MeasureLatencyAsync(string name, int bodyBytes, int pairs, BenchOptions options, ProxySubject[] subjects, List<RemoteLambdaApi> apis, RemoteLambdaApi directApi, ExtensionOutputAudit audit)
    {
        var body = new byte[bodyBytes];
        new Random(bodyBytes).NextBytes(body);
        var extensions = new List<RunningExtension>();
        var clients = new List<RuntimeLoopClient> { new(directApi.Address) };
        try
        {
            for (var i = 0; i < subjects.Length; i++)
            {
                extensions.Add(await RunningExtension.StartAsync(apis[i], subjects[i], audit));
                clients.Add(new RuntimeLoopClient(extensions[i].ProxyAddress));
            }

            await RunRotatingAsync(clients, body, options.WarmupPairs, options.BlockSize, samples: null);
            var errorsBefore = clients.Sum(client => client.Errors);
            var before = extensions.Select(extension => ProcessCounters.Read(extension.Process.Id)).ToList();
            var samples = clients.Select(_ => new List<double>(pairs)).ToArray();
            await RunRotatingAsync(clients, body, pairs, options.BlockSize, samples);
            var used = extensions.Select((extension, i) => ProcessCounters.Read(extension.Process.Id) - before[i]).ToList();
            var errors = clients.Sum(client => client.Errors) - errorsBefore;
            if (errors > 0)
            {
                audit.Add([$"(versus {name}: {errors} pairs failed; first: {clients.Select(client => client.FirstError).FirstOrDefault(error => error is not null)})"]);
            }

            foreach (var extension in extensions)
            {
                await extension.ShutdownAsync();
            }

            var direct = Distribution.Of(samples[0]);
            var proxied = subjects.Select((subject, i) =>
            {
                var distribution = Distribution.Of(samples[i + 1]);
                return new VersusSubjectLatency(
                    subject.Name,
                    distribution,
                    distribution.Median - direct.Median,
                    distribution.P99 - direct.P99,
                    used[i].CpuMilliseconds / samples[i + 1].Count,
                    used[i].SystemMilliseconds / samples[i + 1].Count,
                    (double)used[i].ContextSwitches / samples[i + 1].Count);
            }).ToList();
            return new VersusLatency(name, bodyBytes, pairs, direct, proxied, errors);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
            extensions.ForEach(extension => extension.Dispose());
        }
    }

    /// <summary>Blocks of pairs through each client in turn; the first client of a round moves on by one every round.</summary>
    private static async Task RunRotatingAsync(List<RuntimeLoopClient> clients, byte[] body, int pairsEachWay, int blockSize, List<double>[]? samples)
    {
        var done = 0;
        for (var round = 0; done < pairsEachWay; round++)
        {
            var block = Math.Min(blockSize, pairsEachWay - done);
            for (var k = 0; k < clients.Count; k++)
            {
                var i = (round + k) % clients.Count;
                for (var pair = 0; pair < block; pair++)
                {
                    if (await clients[i].RunPairAsync(body) is { } microseconds)
                    {
                        samples?[i].Add(microseconds);
                    }
                }
            }

            done += block;
        }
    }

    private static async Task<VersusMemory> MeasureMemoryAsync(BenchOptions options, ProxySubject subject, RemoteLambdaApi api, ExtensionOutputAudit audit)
    {
        using var extension = await RunningExtension.StartAsync(api, subject, audit);
        using var runtime = new RuntimeLoopClient(extension.ProxyAddress);
        for (var i = 0; i < IdlePairs; i++)
        {
            await runtime.RunPairAsync(SmallBody);
        }

        await Task.Delay(Idle);
        var idle = extension.Process.ReadStatusKiB("VmRSS");
        var large = new byte[1024 * 1024];
        new Random(7).NextBytes(large);
        for (var i = 0; i < options.SoakInvocations; i++)
        {
            await runtime.RunPairAsync(large);
        }

        if (runtime.Errors > 0)
        {
            audit.Add([$"(versus {subject.Name} memory: {runtime.Errors} pairs failed; first: {runtime.FirstError})"]);
        }

        var result = new VersusMemory(subject.Name, idle, options.SoakInvocations, extension.Process.ReadStatusKiB("VmRSS"), extension.Process.ReadStatusKiB("VmHWM"));
        await extension.ShutdownAsync();
        return result;
    }
}
