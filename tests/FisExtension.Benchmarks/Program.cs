using System.Runtime.InteropServices;
using System.Text.Json;
using FisExtension.Benchmarks;

// A typical small invocation event; the runtime's response body is what varies between the latency runs.
var invocationEvent = """{"version":"2.0","routeKey":"GET /bench","rawPath":"/bench","headers":{"accept":"application/json"},"isBase64Encoded":false}"""u8.ToArray();
if (args is [FakeApiServer.Flag])
{
    return await FakeApiServer.RunAsync(invocationEvent);
}

if (args is [LayoutProfile.Flag, var profiledBinary, var orderFile])
{
    return await LayoutProfile.RunAsync(profiledBinary, orderFile, invocationEvent);
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (!File.Exists(options.BinaryPath))
{
    Console.Error.WriteLine($"no extension binary at {options.BinaryPath}; run scripts/build-layer.sh first");
    return 2;
}

var startedAt = DateTimeOffset.UtcNow;
var loadAtStart = LoadAverage.Read();
var audit = new ExtensionOutputAudit();
SizeResult? size = null;
StartupResult? startup = null;
MemoryResult? memory = null;
var latency = new List<LatencyResult>();
var latencySamples = new List<LatencySamples>();
DelayResult? delay = null;
DelaySamples? delaySamples = null;
var percentage = new List<PercentageResult>();

VersusResult? versus = null;
if (options.Parts.HasFlag(BenchPart.Versus))
{
    if (options.RustBinaryPath is { } rust && File.Exists(rust))
    {
        versus = await VersusBenchmark.MeasureAsync(options, rust, audit);
    }
    else
    {
        Console.Error.WriteLine("versus: skipped, no Rust reference binary (--rust PATH; scripts/bench.sh builds it)");
    }
}

await using (var api = await FakeLambdaApi.StartAsync(invocationEvent))
{
    if (options.Parts.HasFlag(BenchPart.Size))
    {
        size = SizeBenchmark.Measure(options);
    }

    if (options.Parts.HasFlag(BenchPart.Startup))
    {
        Console.Error.WriteLine($"startup: {options.ColdStarts} cold starts…");
        startup = await StartupBenchmark.MeasureAsync(options, api, audit);
    }

    if (options.Parts.HasFlag(BenchPart.Memory))
    {
        Console.Error.WriteLine("memory…");
        memory = await MemoryBenchmark.MeasureAsync(options, api, audit);
    }

    if (options.Parts.HasFlag(BenchPart.Latency))
    {
        Console.Error.WriteLine($"latency: 1 KiB body, {options.SmallPairs} pairs each way…");
        var (small, smallSamples) = await LatencyBenchmark.MeasureAsync("1 KiB body", 1024, options.SmallPairs, options, api, audit);
        Console.Error.WriteLine($"latency: 1 MiB body, {options.LargePairs} pairs each way…");
        var (large, largeSamples) = await LatencyBenchmark.MeasureAsync("1 MiB body", 1024 * 1024, options.LargePairs, options, api, audit);
        latency.AddRange([small, large]);
        latencySamples.AddRange([smallSamples, largeSamples]);
    }

    if (options.Parts.HasFlag(BenchPart.Delay))
    {
        Console.Error.WriteLine($"delay: {options.Delays} invocations delayed {options.DelayMilliseconds} ms, as many without faults…");
        (delay, delaySamples) = await DelayBenchmark.MeasureAsync(options, api, audit);
    }

    if (options.Parts.HasFlag(BenchPart.Percentage))
    {
        Console.Error.WriteLine($"percentage: {options.PercentageInvocations} invocations with a 25 % invocation error, unseeded…");
        percentage.Add(await PercentageBenchmark.MeasureAsync(options, api, audit, seed: null));
        Console.Error.WriteLine($"percentage: {options.PercentageInvocations} invocations with a 25 % invocation error, seed {options.Seed}…");
        percentage.Add(await PercentageBenchmark.MeasureAsync(options, api, audit, options.Seed));
    }
}

var report = new BenchReport(
    startedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
    $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.OSArchitecture}",
    loadAtStart,
    LoadAverage.Read(),
    Path.GetFullPath(options.BinaryPath),
    options.ExtensionEnvironment,
    size,
    versus,
    startup,
    memory,
    latency,
    delay,
    percentage,
    audit.Unexpected());

var markdown = MarkdownReport.Render(report);
Directory.CreateDirectory(options.OutputDirectory);
await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.json"), JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport) + "\n");
foreach (var samples in latencySamples)
{
    await RawSamplesCsv.WriteAsync(options.OutputDirectory, samples);
}

if (delaySamples is not null)
{
    await RawSamplesCsv.WriteAsync(options.OutputDirectory, delaySamples);
}

Console.WriteLine(markdown);
return 0;
