using Microsoft.AspNetCore.Hosting.Server;

namespace FisExtension.RuntimeApi;

/// <summary>The running proxy: Kestrel, the services it was resolved from, and the signal that it is stopping.</summary>
internal sealed class ProxyServer(IServer server, ServiceProvider services, CancellationTokenSource stopping) : IAsyncDisposable
{
    /// <summary>Signals the proxy's waits to end, then stops Kestrel within <paramref name="cancellationToken"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            // A wait that throws as it is cancelled must not keep the port held.
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
    }
}
