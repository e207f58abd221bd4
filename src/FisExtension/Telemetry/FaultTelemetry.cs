using FisExtension.Faults;

namespace FisExtension.Telemetry;

/// <summary>One log event and one metric per injected fault (Polly's chaos convention), and per skipped one.</summary>
internal sealed class FaultTelemetry(ILogger logger, EmfMetricWriter metrics)
{
    public void Planned(FaultPlan plan, string requestId)
    {
        foreach (var fault in plan.Skipped)
        {
            Log.FaultSkipped(logger, requestId, fault.Key, fault.InvocationPercentage);
            metrics.FaultSkipped(fault.ActionId);
        }
    }

    public void Delaying(FaultDefinition fault, string requestId)
    {
        Log.AddingLatency(logger, requestId, fault.StartupDelayMilliseconds, fault.ExperimentId, fault.ActionName);
        metrics.FaultInjected(fault.ActionId);
    }

    /// <summary>A start delay cut short because its fault ended or disappeared; a delay that ran its course says nothing more.</summary>
    public void DelayReleased(FaultDefinition fault, string requestId, DelayRelease release, TimeSpan held)
    {
        var elapsed = (long)held.TotalMilliseconds;
        switch (release)
        {
            case DelayRelease.FaultEnded:
                Log.DelayReleasedAtEndTime(logger, requestId, elapsed, fault.StartupDelayMilliseconds, fault.ExperimentId, fault.ActionName);
                break;
            case DelayRelease.FaultRemoved:
                Log.DelayReleasedWhenRemoved(logger, requestId, elapsed, fault.StartupDelayMilliseconds, fault.ExperimentId, fault.ActionName);
                break;
        }
    }

    /// <summary>An override whose fault ended before the runtime's result arrived: not applied, not counted.</summary>
    public void OverrideEnded(FaultDefinition fault, string requestId) =>
        Log.OverrideEndedBeforeResult(logger, requestId, fault.ExperimentId, fault.ActionName);

    /// <summary>An override applied, either in the runtime's place or to the result the runtime posted.</summary>
    public void Overridden(FaultDefinition fault, string requestId)
    {
        Log.OverrideApplied(logger, requestId, fault);
        metrics.FaultInjected(fault.ActionId);
    }

    public void NotApplied(string requestId, Exception exception) => Log.FaultNotApplied(logger, requestId, exception);
}
