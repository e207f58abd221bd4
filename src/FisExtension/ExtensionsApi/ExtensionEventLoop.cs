using FisExtension.Telemetry;

namespace FisExtension.ExtensionsApi;

/// <summary>Waits on <c>event/next</c> until SHUTDOWN, the only event registered for: the proxy sees each invocation itself.</summary>
internal sealed class ExtensionEventLoop(ExtensionsApiClient client, string extensionId, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan FirstRetryPause = TimeSpan.FromMilliseconds(100);

    // A persistent failure must not write ten lines a second into the function's log forever.
    private static readonly TimeSpan LongestRetryPause = TimeSpan.FromSeconds(5);

    /// <summary>Returns the SHUTDOWN event, or null when cancelled.</summary>
    public async Task<ExtensionEvent?> RunUntilShutdownAsync(CancellationToken cancellationToken)
    {
        var retryPause = FirstRetryPause;
        while (true)
        {
            try
            {
                var next = await client.NextEventAsync(extensionId, cancellationToken).ConfigureAwait(false);
                if (next.EventType == ExtensionEvent.Shutdown)
                {
                    return next;
                }

                retryPause = FirstRetryPause;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException or IOException)
            {
                Log.EventLoopError(logger, exception);
                try
                {
                    await Task.Delay(retryPause, time, cancellationToken).ConfigureAwait(false);
                    retryPause = TimeSpan.FromTicks(Math.Min(retryPause.Ticks * 2, LongestRetryPause.Ticks));
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }
}
