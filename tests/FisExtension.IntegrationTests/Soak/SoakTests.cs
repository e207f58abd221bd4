using FisExtension.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace FisExtension.IntegrationTests.Soak;

/// <summary>
/// Many invocations through the proxy with no fault active: every byte arrives, every result reaches its own caller,
/// and the extension's memory stays bounded.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int MaxPayloadBytes = 6_000_000;

    [Fact(Timeout = 900_000)]
    public async Task TenThousandRandomPayloads_SixteenInFlight_ArriveByteExact_WithBoundedMemory()
    {
        const int Invocations = 10_000;
        const int InFlight = 16;
        // A function timeout far above any invocation's time: a 6 MB echo with 15 others in flight neared the default 10 s
        // on a loaded machine, and a timeout is no part of what this test is about.
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions { MaxConcurrency = InFlight, Freeze = false, Timeout = TimeSpan.FromSeconds(120) });
        await using var runtime = EchoRuntime.Start(harness, workers: InFlight);
        await harness.Emulator.InitializeAsync();
        var rssAtStart = ExtensionMemory.Kilobytes(harness, "VmRSS");

        // Sizes log-uniform from 0 B to 6 MB; each payload is a slice of one random buffer behind its own index, so
        // every invocation's bytes differ and a swapped or truncated result cannot pass.
        var random = new Random(20261202);
        var source = new byte[MaxPayloadBytes];
        random.NextBytes(source);
        var sizes = Enumerable.Range(0, Invocations).Select(_ => LogUniformSize(random)).ToArray();
        var offsets = sizes.Select(size => random.Next(0, MaxPayloadBytes - size + 1)).ToArray();
        var next = -1;
        var mismatches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        long bytes = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Invocations)
            {
                var payload = Payload(source, i, offsets[i], sizes[i]);
                var result = await harness.Emulator.InvokeAsync(payload);
                if (result.FunctionError is not null || !payload.AsSpan().SequenceEqual(result.Payload) || !runtime.Received.ContainsKey(result.RequestId))
                {
                    mismatches.Enqueue($"#{i} ({payload.Length} B, {result.Duration.TotalMilliseconds:F0} ms): function error {result.FunctionError ?? "none"}" +
                        $"{(result.FunctionError is null ? "" : $" {System.Text.Encoding.UTF8.GetString(result.Payload.AsSpan(0, Math.Min(300, result.Payload.Length)))}")}, " +
                        $"{result.Payload.Length} B back, first difference at {payload.AsSpan().CommonPrefixLength(result.Payload)}, reached the runtime: {runtime.Received.ContainsKey(result.RequestId)}");
                }

                Interlocked.Add(ref bytes, payload.Length);
            }
        })));

        var rssAtEnd = ExtensionMemory.Kilobytes(harness, "VmRSS");
        var rssPeak = ExtensionMemory.Kilobytes(harness, "VmHWM");
        output.WriteLine(
            $"soak: {Invocations} invocations, {InFlight} in flight, {bytes / 1_048_576.0:F0} MiB each way in {started.Elapsed.TotalSeconds:F1} s; " +
            $"extension RSS {rssAtStart / 1024.0:F1} MiB at start, {rssAtEnd / 1024.0:F1} MiB at end, peak {rssPeak / 1024.0:F1} MiB");
        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} invocations did not come back intact:\n{string.Join('\n', mismatches.Take(10))}");
        Assert.Equal(Invocations, runtime.Received.Count);
        Assert.True(sizes.Min() == 0 && sizes.Max() > MaxPayloadBytes / 2, "the sizes did not span the range");

        // A leak of even one buffer per invocation would be gigabytes; what the proxy holds on to stays bounded.
        Assert.True(rssAtEnd < 256 * 1024, $"the extension's RSS grew to {rssAtEnd / 1024.0:F1} MiB");
    }

    [Fact(Timeout = 120_000)]
    public async Task SixtyFourInFlight_EachResultReachesItsOwnCaller()
    {
        const int InFlight = 64;
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions { MaxConcurrency = InFlight, Freeze = false });

        // Every worker holds its event until all 64 are in flight, then they answer in reverse order of arrival.
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runtime = EchoRuntime.Start(harness, workers: InFlight, beforeAnswer: async next =>
        {
            var order = Interlocked.Increment(ref arrived);
            if (order == InFlight)
            {
                allArrived.SetResult();
            }

            await allArrived.Task;
            await Task.Delay((InFlight - order) * 3);
        });
        await harness.Emulator.InitializeAsync();

        var payloads = Enumerable.Range(0, InFlight).Select(i => Json.Event(("n", i), ("pad", new string('p', i * 97)))).ToList();
        var results = await Task.WhenAll(payloads.Select(payload => harness.Emulator.InvokeAsync(payload)));

        Assert.Equal(InFlight, arrived);
        for (var i = 0; i < InFlight; i++)
        {
            Assert.Null(results[i].FunctionError);
            Assert.Equal(payloads[i], results[i].Payload);
            Assert.Equal(payloads[i], runtime.Received[results[i].RequestId]);
        }

        Assert.Equal(InFlight, results.Select(r => r.RequestId).Distinct().Count());
    }

    private static int LogUniformSize(Random random) =>
        (int)Math.Min(MaxPayloadBytes, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(MaxPayloadBytes + 1.0))) - 1);

    private static byte[] Payload(byte[] source, int index, int offset, int size)
    {
        var payload = source.AsSpan(offset, size).ToArray();
        var tag = BitConverter.GetBytes(index);
        tag.AsSpan(0, Math.Min(tag.Length, size)).CopyTo(payload);
        return payload;
    }
}
