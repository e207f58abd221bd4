using System.Collections.Immutable;
using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

/// <summary>
/// A snapshot source whose faults the test sets, standing for what the poller last published. Like the poller's
/// snapshot, it no longer lists a fault once the clock has reached its end time.
/// </summary>
internal sealed class SettableFaultSource(TimeProvider time, params FaultDefinition[] faults) : IFaultSnapshotSource
{
    private ImmutableArray<FaultDefinition> _faults = ImmutableArray.Create(faults);

    public FaultSnapshot Current => new(_faults.RemoveAll(fault => fault.EndTime <= time.GetUtcNow()));

    public ValueTask OnInvocationAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public void Publish(params FaultDefinition[] faults) => _faults = ImmutableArray.Create(faults);
}
