namespace FisExtension.Configuration;

/// <summary>
/// Runs one store call so that the poll never outlives its budget, whatever the store does: a call that blocks
/// its thread (opening a FIFO) or ignores cancellation is left behind when the token fires.
/// </summary>
internal static class StoreCall
{
    public static async Task<T> BoundedAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        // Task.Run: a store whose method blocks before its first await would otherwise block the poll itself.
        var task = Task.Run(() => call(cancellationToken), cancellationToken);
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The abandoned call may still fail later; observe it so that it is not reported as unobserved.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
    }
}
