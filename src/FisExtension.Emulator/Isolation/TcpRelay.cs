using System.Net;
using System.Net.Sockets;

namespace FisExtension.Emulator.Isolation;

/// <summary>Accepts connections on a socket listening inside an environment's network namespace and joins each one to
/// 127.0.0.1:<see cref="TargetPort"/> of the emulator's own network, byte for byte in both directions.</summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _listener;
    private readonly Action<string> _log;
    private readonly string _refusedHint;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _refusalLogged;

    /// <param name="refusedHint">Appended to the one line written when nothing listens on the target port.</param>
    public TcpRelay(Socket listener, int targetPort, Action<string> log, string refusedHint)
    {
        _listener = listener;
        TargetPort = targetPort;
        _log = log;
        _refusedHint = refusedHint;
        _accepting = AcceptAsync();
    }

    public int TargetPort { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _accepting.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket inside;
            try
            {
                inside = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (_stopping.IsCancellationRequested) return;
                continue;
            }
            _ = JoinAsync(inside);
        }
    }

    private async Task JoinAsync(Socket inside)
    {
        // Created on a thread-pool thread, hence in the emulator's own network namespace: the host's loopback.
        using var outside = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using (inside)
        {
            inside.NoDelay = true;
            try
            {
                await outside.ConnectAsync(new IPEndPoint(IPAddress.Loopback, TargetPort), _stopping.Token).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
                    _log($"a process of the environment connected to 127.0.0.1:{TargetPort}, but the host's 127.0.0.1:{TargetPort} refused it ({e.SocketErrorCode}). {_refusedHint}");
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await Task.WhenAll(PumpAsync(inside, outside), PumpAsync(outside, inside)).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token).ConfigureAwait(false);
                if (read == 0) break;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token).ConfigureAwait(false);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // One side went away (a killed process, the environment shutting down): the other side is closed with it.
            from.Dispose();
            to.Dispose();
        }
    }
}
