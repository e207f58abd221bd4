using System.Collections.Immutable;

namespace FisExtension.Faults;

/// <summary>
/// What to do to one invocation: an optional delay before the event reaches the runtime, then an optional
/// override of the outcome (an invocation error or a synthetic HTTP response).
/// </summary>
internal sealed class FaultPlan
{
    public FaultPlan(FaultDefinition? delayFault, FaultDefinition? overrideFault, ImmutableArray<FaultDefinition> skipped)
    {
        DelayFault = delayFault;
        OverrideFault = overrideFault;
        Skipped = skipped.IsDefault ? [] : skipped;
    }

    /// <summary>Nothing to inject and nothing skipped.</summary>
    public static FaultPlan None { get; } = new(null, null, []);

    /// <summary>The <see cref="FaultKind.StartDelay"/> fault that hit this invocation, if any.</summary>
    public FaultDefinition? DelayFault { get; }

    /// <summary>The wait before the event is handed to the runtime; zero without a delay fault.</summary>
    public TimeSpan Delay => DelayFault is null ? TimeSpan.Zero : TimeSpan.FromMilliseconds(DelayFault.StartupDelayMilliseconds);

    /// <summary>
    /// The <see cref="FaultKind.InvocationError"/> or <see cref="FaultKind.HttpIntegrationResponse"/> fault that
    /// hit this invocation, if any.
    /// </summary>
    public FaultDefinition? OverrideFault { get; }

    /// <summary>Whether the handler is skipped: the override answers in its place.</summary>
    public bool PreventExecution => OverrideFault?.PreventExecution ?? false;

    /// <summary>True when neither a delay nor an override applies.</summary>
    public bool IsEmpty => DelayFault is null && OverrideFault is null;

    /// <summary>Faults that applied to this invocation but missed their percentage draw (the FaultSkipped metric).</summary>
    public ImmutableArray<FaultDefinition> Skipped { get; }
}
