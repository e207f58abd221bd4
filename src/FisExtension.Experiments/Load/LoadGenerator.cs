using System.Collections.Concurrent;

namespace FisExtension.Experiments.Load;

/// <summary>
/// Open-loop load: request n is sent at <c>start + n / rate</c> whether or not earlier ones have answered, so a slow
/// function shows up as latency rather than as fewer requests (coordinated omission). Bounded in time (nothing is sent
/// after <c>end</c>, each request has a timeout) and in count (rate × duration, and at most MaxInFlight unanswered:
/// a request due when that many are waiting is recorded as skipped, not sent).
/// </summary>
public sealed class LoadGenerator(ILoadTarget target, LoadSettings settings, TimeProvider time)
{
    public const string Skipped = "skipped";

    public const string Timeout = "timeout";

    /// <summary>Sends until <c>end</c> or <c>stop</c>, then waits for the answers of what was sent; every record is
    /// also passed to <c>observe</c> as it completes.</summary>
    public async Task<IReadOnlyList<RequestRecord>> RunAsync(DateTimeOffset start, DateTimeOffset end, Action<RequestRecord> observe, CancellationToken stop)
    {
        var records = new ConcurrentQueue<RequestRecord>();
        var inFlight = new List<Task>();
        var waiting = 0;
        var interval = TimeSpan.FromSeconds(1 / settings.RatePerSecond);
        for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
        {
            var due = start + interval * sequence;
            if (due >= end)
            {
                break;
            }

            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }

            void Complete(RequestRecord record)
            {
                records.Enqueue(record);
                observe(record);
            }

            if (Volatile.Read(ref waiting) >= settings.MaxInFlight)
            {
                Complete(new RequestRecord(sequence, due, time.GetUtcNow(), 0, target.NameOf(sequence), null, null, Skipped, []));
                continue;
            }

            Interlocked.Increment(ref waiting);
            var current = sequence;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    Complete(await SendOneAsync(current, due).ConfigureAwait(false));
                }
                finally
                {
                    Interlocked.Decrement(ref waiting);
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return [.. records.OrderBy(r => r.Sequence)];
    }

    private async Task<RequestRecord> SendOneAsync(int sequence, DateTimeOffset due)
    {
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        var sentAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        try
        {
            var response = await target.SendAsync(sequence, timeout.Token).ConfigureAwait(false);
            return new RequestRecord(sequence, due, sentAt, Elapsed(started), response.Target, response.Status, response.FunctionError, null, response.Faults);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new RequestRecord(sequence, due, sentAt, Elapsed(started), target.NameOf(sequence), null, null, Timeout, []);
        }
        catch (HttpRequestException exception)
        {
            // "connection refused" and friends: the caller saw no answer.
            var reason = exception.HttpRequestError.ToString();
            return new RequestRecord(sequence, due, sentAt, Elapsed(started), target.NameOf(sequence), null, null, char.ToLowerInvariant(reason[0]) + reason[1..], []);
        }
    }

    private double Elapsed(long started) => time.GetElapsedTime(started).TotalMilliseconds;
}
