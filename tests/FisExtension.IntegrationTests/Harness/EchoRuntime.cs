using System.Collections.Concurrent;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// The test playing a runtime through the proxy: <paramref name="workers"/> loops that each take an event from
/// <c>/next</c>, optionally wait, and answer with the event's bytes. Stopped and awaited on dispose.
/// </summary>
internal sealed class EchoRuntime : IAsyncDisposable
{
    private readonly RuntimeClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, byte[]> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NextInvocation> _invocations = new(StringComparer.Ordinal);
    private readonly Task[] _workers;

    private EchoRuntime(RuntimeClient client, int workers, Func<NextInvocation, Task>? beforeAnswer)
    {
        _client = client;
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => RunAsync(beforeAnswer))).ToArray();
    }

    /// <summary>Every event the runtime received, by request id.</summary>
    public IReadOnlyDictionary<string, byte[]> Received => _received;

    /// <summary>Every <c>/next</c> answer the runtime received (headers included), by request id.</summary>
    public IReadOnlyDictionary<string, NextInvocation> Invocations => _invocations;

    public static EchoRuntime Start(ExtensionHarness harness, int workers = 1, Func<NextInvocation, Task>? beforeAnswer = null) =>
        new(harness.RuntimeThroughProxy(), workers, beforeAnswer);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException)
        {
            // A worker parked in /next when the test ended.
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync(Func<NextInvocation, Task>? beforeAnswer)
    {
        while (!_stop.IsCancellationRequested)
        {
            var next = await _client.NextAsync(_stop.Token);
            if (next.StatusCode != 200)
            {
                // The emulator is shutting down.
                return;
            }

            _received[next.RequestId] = next.Event;
            _invocations[next.RequestId] = next;
            if (beforeAnswer is not null)
            {
                await beforeAnswer(next);
            }

            using var answered = await _client.PostResponseAsync(next.RequestId, next.Event);
        }
    }
}
