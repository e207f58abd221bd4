using System.Runtime.InteropServices;

namespace FisExtension.Emulator;

/// <summary>Ctrl+C and SIGTERM as one cancellation. docker stop and kill send SIGTERM: the function is shut down then
/// too, or its processes (in their own sessions) outlive the emulator.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _terminate;

    public StopSignal()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            _stop.Cancel();
        });
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Returns once Ctrl+C or SIGTERM arrived.</summary>
    public async Task WaitAsync(TimeProvider timeProvider)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Asked to stop: the caller shuts down.
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _stop.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _stop.Cancel();
    }
}
