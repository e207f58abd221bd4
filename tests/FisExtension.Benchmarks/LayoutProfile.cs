using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Benchmarks;

/// <summary>
/// Writes the extension's hot-method order (<c>fis-bench --profile-layout BINARY ORDER-FILE</c>, run by
/// <c>scripts/profile-layout.sh</c>): the published binary runs under qemu-user through what a function does with it,
/// and every managed method that ran is listed in the order it first ran. ILC lays the listed methods out first
/// (<c>IlcOrderFile</c>), so the code a function uses sits together instead of spread over the whole binary, and
/// the kernel, which maps a file 64 KiB around each page touched, maps far less of it.
/// </summary>
internal static class LayoutProfile
{
    public const string Flag = "--profile-layout";

    // qemu runs the binary some 10 to 50 times slower than native.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    // Longer than the periods of Kestrel's heartbeat (1 s) and of the HTTP client's pool scavenging.
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(5);

    // Invocations whose handler failed, reported with POST /{id}/error.
    private const int HandlerErrors = 3;
    private static readonly byte[] SmallBody = new byte[1024];
    private static readonly byte[] LargeBody = new byte[1024 * 1024];

    public static async Task<int> RunAsync(string binary, string orderFile, byte[] invocationEvent)
    {
        var debugFile = binary + ".dbg";
        if (!File.Exists(binary) || !File.Exists(debugFile))
        {
            Console.Error.WriteLine($"profile-layout: needs the published x86_64 binary and its symbols ({binary}, {debugFile}); run ARCH=x86_64 scripts/build-layer.sh first");
            return 2;
        }

        var qemu = FindOnPath("qemu-x86_64-static") ?? FindOnPath("qemu-x86_64");
        if (qemu is null)
        {
            Console.Error.WriteLine("profile-layout: needs qemu-user for x86_64 (apt-get install qemu-user-static)");
            return 2;
        }

        if (ManagedCodeSymbols.BuildId(binary) != ManagedCodeSymbols.BuildId(debugFile))
        {
            Console.Error.WriteLine($"profile-layout: {debugFile} is not the symbols of {binary} (their build ids differ); publish again");
            return 2;
        }

        var symbols = ManagedCodeSymbols.Read(debugFile);
        var logs = Directory.CreateTempSubdirectory("fis-layout-");
        var audit = new ExtensionOutputAudit();
        var order = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var api = await FakeLambdaApi.StartAsync(invocationEvent);
            await using var largeEventApi = await FakeLambdaApi.StartAsync(LargeBody);
            await using var s3 = await S3rverProcess.StartAsync();
            // What every function runs first (start, idle invocations, an S3 location that is polled), then what
            // only an experiment adds: each fault, from the S3 store and from a folder.
            foreach (var scenario in Scenarios(s3))
            {
                var log = Path.Combine(logs.FullName, scenario.Name + ".log");
                Console.Error.WriteLine($"profile-layout: {scenario.Name} under qemu…");
                using (scenario)
                {
                    await scenario.PrepareAsync();
                    await RunScenarioAsync(scenario.LargeEvents ? largeEventApi : api, new ProxySubject(scenario.Name, qemu, "AWS_FIS_PROXY_LISTENER_PORT", scenario.Environment)
                    {
                        Arguments = ["-d", "in_asm", "-D", log, binary],
                    }, audit, scenario);
                }

                var blocks = QemuTranslationLog.BlockAddresses(log).ToList();
                var loadBase = QemuTranslationLog.LoadBase(blocks, symbols);
                var before = order.Count;
                foreach (var name in blocks.Where(a => a >= loadBase).SelectMany(a => symbols.At(a - loadBase)).Where(listed.Add))
                {
                    order.Add(name);
                }

                Console.Error.WriteLine($"profile-layout: {scenario.Name}: {order.Count - before} more methods");
            }
        }
        finally
        {
            logs.Delete(recursive: true);
        }

        // The polls and the faults applied, to show that each scenario ran what it is meant to run.
        Console.Error.WriteLine("profile-layout: what the extension printed beyond starting and stopping:");
        Console.Error.WriteLine(string.Join(Environment.NewLine, audit.Unexpected()));

        await File.WriteAllLinesAsync(orderFile, order);
        Console.WriteLine($"profile-layout: {order.Count} methods written to {orderFile}");
        return 0;
    }

    private static async Task RunScenarioAsync(FakeLambdaApi api, ProxySubject subject, ExtensionOutputAudit audit, LayoutScenario scenario)
    {
        using var extension = await RunningExtension.StartAsync(api, subject, audit);
        using (var probe = new HttpClient())
        {
            // The wrapper's probe, as before every runtime start.
            (await probe.GetAsync(new Uri($"http://{extension.ProxyAddress}{RuntimeApiPaths.ProxyReady}"))).Dispose();
        }

        using (var runtime = new RuntimeLoopClient(extension.ProxyAddress))
        {
            for (var i = 0; i < scenario.SmallPairs; i++)
            {
                await runtime.RunPairAsync(SmallBody);
            }

            for (var i = 0; i < scenario.LargePairs; i++)
            {
                await runtime.RunPairAsync(LargeBody);
            }

            for (var i = 0; i < HandlerErrors; i++)
            {
                await runtime.RunHandlerErrorAsync();
            }

            if (runtime.Errors > 0)
            {
                throw new InvalidOperationException($"{scenario.Name}: {runtime.Errors} invocations failed, first: {runtime.FirstError}");
            }
        }

        using var parked = new HttpClient();
        var parkedAtShutdown = scenario.WithIdleAndAbandonedRequests ? await GiveUpIdleAndParkAsync(api, parked, extension.ProxyAddress) : null;
        if (await extension.ShutdownAsync(ShutdownTimeout) is null)
        {
            throw new InvalidOperationException($"{scenario.Name}: the extension did not exit within {ShutdownTimeout.TotalSeconds} s of SHUTDOWN under qemu, so its log is cut short");
        }

        api.ReleaseNextInvocations();
        if (parkedAtShutdown is not null)
        {
            await parkedAtShutdown.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        if (!extension.Process.Output.Any(line => line.Contains(scenario.Shows, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{scenario.Name}: the extension never printed \"{scenario.Shows}\", so the profile would miss what it is for. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, extension.Process.Output)}");
        }
    }

    /// <summary>A <c>/next</c> the runtime gives up on (killed, timed out: the forwarder's failure path), then idle
    /// time (Kestrel's heartbeat, the connection pool's scavenging, the pools' trimming), then a <c>/next</c> left
    /// waiting, as Lambda's SHUTDOWN usually finds the runtime; returns that last request.</summary>
    private static async Task<Task> GiveUpIdleAndParkAsync(FakeLambdaApi api, HttpClient http, string proxyAddress)
    {
        var next = new Uri($"http://{proxyAddress}{RuntimeApiPaths.Next}");
        var waiting = api.HoldNextInvocations();
        using (var givenUp = new CancellationTokenSource())
        {
            var abandoned = http.GetAsync(next, givenUp.Token);
            await waiting;
            await givenUp.CancelAsync();
            await abandoned.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await Task.Delay(IdleTime);
        waiting = api.HoldNextInvocations();
        var parked = http.GetAsync(next);
        await waiting;
        return parked;
    }

    private static IEnumerable<LayoutScenario> Scenarios(S3rverProcess s3)
    {
        yield return LayoutScenario.WithoutLocation("no-location", smallPairs: 100, largePairs: 5);
        yield return LayoutScenario.WithLargeEvents("large-events", pairs: 5);
        yield return LayoutScenario.InS3(s3, "s3-no-fault", "no active faults found", fault: null);
        yield return LayoutScenario.InS3(s3, "s3-delay", "adding 1 milliseconds of latency",
            ("aws:lambda:invocation-add-delay", new() { ["startupDelayMilliseconds"] = "1", ["invocationPercentage"] = "100" }));
        yield return LayoutScenario.InFolder("folder-error", "modifying the function response: injecting an invocation error",
            ("aws:lambda:invocation-error", new() { ["invocationPercentage"] = "100", ["preventExecution"] = "false" }));
        yield return LayoutScenario.InFolder("folder-http-response", "returning a synthetic HTTP 503 response",
            ("aws:lambda:invocation-http-integration-response", new() { ["statusCode"] = "503", ["invocationPercentage"] = "100", ["preventExecution"] = "false" }));
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
}
