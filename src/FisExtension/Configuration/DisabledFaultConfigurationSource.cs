using FisExtension.Faults;

namespace FisExtension.Configuration;

/// <summary>The source without a usable location: never a fault, so the function runs as without the extension.</summary>
internal sealed class DisabledFaultConfigurationSource : IFaultConfigurationSource
{
    public FaultSnapshot Current => FaultSnapshot.Empty;

    public ValueTask OnInvocationAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
