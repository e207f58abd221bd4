using System.Net;
using System.Text;
using FisExtension.Emulator;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>With no fault configured the extension is invisible: bytes and headers pass unchanged, in both directions.</summary>
public sealed class ProxyPassthroughTests
{
    [Fact(Timeout = 120_000)]
    public async Task RandomPayloads_AndEveryHeader_ArriveUnchanged_InBothDirections()
    {
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            AdditionalInvocationHeaders = new Dictionary<string, string> { ["Lambda-Runtime-Future-Header"] = "unknown; kept" },
        });
        using var runtime = harness.RuntimeThroughProxy();
        var random = new Random(20261125);
        int[] sizes = [0, 1, 1000, 65_543, 1_048_576, 6_000_000];

        foreach (var size in sizes)
        {
            var eventBytes = RandomBytes(random, size);
            var resultBytes = RandomBytes(random, size);
            var invoke = harness.Emulator.InvokeAsync(eventBytes, new InvokeOptions { ClientContext = "eyJjdXN0b20iOnt9fQ==", TraceId = "Root=1-5f84c7a1-1234567890abcdef12345678;Parent=1;Sampled=1" });
            var next = await runtime.NextAsync();
            Assert.Equal(200, next.StatusCode);
            Assert.Equal(eventBytes, next.Event);
            Assert.False(string.IsNullOrEmpty(next.RequestId));
            Assert.NotNull(next.Header("Lambda-Runtime-Deadline-Ms"));
            Assert.EndsWith(":function:fis-test-function", next.Header("Lambda-Runtime-Invoked-Function-Arn"), StringComparison.Ordinal);
            Assert.Equal("Root=1-5f84c7a1-1234567890abcdef12345678;Parent=1;Sampled=1", next.Header("Lambda-Runtime-Trace-Id"));
            Assert.Equal("eyJjdXN0b20iOnt9fQ==", next.Header("Lambda-Runtime-Client-Context"));
            Assert.Equal("unknown; kept", next.Header("Lambda-Runtime-Future-Header"));
            Assert.Null(next.Header("traceparent"));

            using var posted = await runtime.PostResponseAsync(next.RequestId, resultBytes, new Dictionary<string, string>
            {
                ["X-Unknown-Future-Header"] = "kept as is",
                ["Content-Type"] = "application/octet-stream",
            });
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            var result = await invoke;
            Assert.Null(result.FunctionError);
            Assert.Equal(resultBytes, result.Payload);
            Assert.Equal("kept as is", result.ResultRequestHeaders["X-Unknown-Future-Header"]);
            Assert.Equal("application/octet-stream", result.ResultRequestHeaders["Content-Type"]);
            Assert.Equal(size.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ResultRequestHeaders["Content-Length"]);
            Assert.DoesNotContain("traceparent", result.ResultRequestHeaders.Keys, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_WithAnErrorTrailer_ArrivesAsAStream_TrailerIntact()
    {
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions());
        using var runtime = harness.RuntimeThroughProxy();
        using var invoker = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        byte[][] chunks = [Encoding.UTF8.GetBytes("first chunk;"), Encoding.UTF8.GetBytes("second chunk;"), Encoding.UTF8.GetBytes("third")];
        var errorBody = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"errorMessage\":\"broke mid-stream\",\"errorType\":\"Runtime.StreamError\"}"));

        var call = invoker.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, harness.Emulator.InvokeEndpoint) { Content = new ByteArrayContent("{}"u8.ToArray()) },
            HttpCompletionOption.ResponseHeadersRead);
        var next = await runtime.NextAsync();
        var received = new MemoryStream();
        Stream? body = null;

        var status = await runtime.PostStreamingResponseAsync(
            next.RequestId,
            chunks,
            async index =>
            {
                if (index == 0)
                {
                    return;
                }

                // The next chunk is written only once the caller holds every byte before it: proof of streaming.
                body ??= await (await call).Content.ReadAsStreamAsync();
                var expected = chunks.Take(index).Sum(c => c.Length);
                var buffer = new byte[256];
                while (received.Length < expected)
                {
                    var read = await body.ReadAsync(buffer);
                    Assert.NotEqual(0, read);
                    received.Write(buffer, 0, read);
                }
            },
            [new("Lambda-Runtime-Function-Error-Type", "Runtime.StreamError"), new("Lambda-Runtime-Function-Error-Body", errorBody)]);

        Assert.Equal(202, status);
        using var response = await call;
        await body!.CopyToAsync(received);
        Assert.Equal(chunks.SelectMany(c => c).ToArray(), received.ToArray());
        Assert.True(response.TrailingHeaders.TryGetValues("Lambda-Runtime-Function-Error-Type", out var errorType), "the error trailer reached the caller");
        Assert.Equal("Runtime.StreamError", errorType.Single());
        Assert.Equal(errorBody, response.TrailingHeaders.GetValues("Lambda-Runtime-Function-Error-Body").Single());
    }

    [Fact(Timeout = 60_000)]
    public async Task StreamedResponse_SentWithExpectContinue_IsAcceptedAndArrivesWhole()
    {
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions());
        using var runtime = harness.RuntimeThroughProxy();
        var invoke = harness.Emulator.InvokeAsync("{}"u8.ToArray());
        var next = await runtime.NextAsync();

        var status = await runtime.PostStreamingResponseAsync(
            next.RequestId, [Encoding.UTF8.GetBytes("continued "), Encoding.UTF8.GetBytes("stream")], _ => Task.CompletedTask, [], extraHeaders: "Expect: 100-continue\r\n");
        var result = await invoke;

        Assert.Equal(202, status);
        Assert.True(result.Streamed);
        Assert.Equal("continued stream", Encoding.UTF8.GetString(result.Payload));
    }

    [Fact(Timeout = 60_000)]
    public async Task SixteenConcurrentInvocations_AreEachAnsweredWithTheirOwnResult()
    {
        const int Concurrency = 16;
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions { MaxConcurrency = Concurrency, Freeze = false });
        using var runtime = harness.RuntimeThroughProxy();
        using var stop = new CancellationTokenSource();

        // Sixteen runtime workers, each answering with its request id, after a pause that keeps them all busy at once.
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var next = await runtime.NextAsync(stop.Token);
                await Task.Delay(100);
                var answer = Encoding.UTF8.GetBytes($"{next.RequestId}|{Encoding.UTF8.GetString(next.Event)}");
                using var posted = await runtime.PostResponseAsync(next.RequestId, answer);
            }
        })).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(i => harness.Emulator.InvokeAsync(Encoding.UTF8.GetBytes($"payload-{i}"))));
        await stop.CancelAsync();

        for (var i = 0; i < Concurrency; i++)
        {
            Assert.Equal($"{results[i].RequestId}|payload-{i}", Encoding.UTF8.GetString(results[i].Payload));
        }

        Assert.Equal(Concurrency, results.Select(r => r.RequestId).Distinct().Count());
    }

    [Fact(Timeout = 60_000)]
    public async Task UnreachableUpstream_GivesTheRuntimeA502_NotAHang()
    {
        var closedPort = FreePort.Next();
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            Environment = new Dictionary<string, string> { ["AWS_FIS_PROXY_RUNTIME_API_ENDPOINT"] = $"127.0.0.1:{closedPort}" },
        });
        using var runtime = harness.RuntimeThroughProxy();
        _ = harness.Emulator.InitializeAsync();
        // Timed from the proxy listening, not from init: a cold start under CI-like load is no part of a hang.
        Assert.True(await harness.ExtensionLoggedAsync("proxy listening on", TimeSpan.FromSeconds(20)), "the proxy started");

        var started = DateTime.UtcNow;
        var next = await runtime.NextAsync();
        var waited = DateTime.UtcNow - started;

        Assert.Equal(502, next.StatusCode);
        Assert.True(waited < TimeSpan.FromSeconds(15), $"the 502 came after {waited.TotalSeconds:F1} s");
        Assert.True(await harness.ExtensionLoggedAsync("could not forward GET /2018-06-01/runtime/invocation/next"));
    }

    private static byte[] RandomBytes(Random random, int size)
    {
        var bytes = new byte[size];
        random.NextBytes(bytes);
        return bytes;
    }
}
