using FisExtension.Faults;

namespace FisExtension.Configuration;

/// <summary>The fault snapshot source with a lifetime: started after the listener is bound, disposed at shutdown.</summary>
internal interface IFaultConfigurationSource : IFaultSnapshotSource, IAsyncDisposable
{
    /// <summary>Starts the first poll in the background and returns at once, so registration is never held up.</summary>
    Task StartAsync(CancellationToken cancellationToken);
}
