using FisExtension.Configuration;

namespace FisExtension.Telemetry;

/// <summary>Turns each poll's outcome into the project's EMF poll metrics.</summary>
internal sealed class EmfPollObserver(EmfMetricWriter metrics, TimeProvider time) : IPollObserver
{
    public void OnPollCompleted(PollOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            metrics.PollFailed();
            return;
        }

        var age = outcome.LastSuccessAt is { } at ? time.GetUtcNow() - at : TimeSpan.Zero;
        metrics.PollCompleted(outcome.Latency, outcome.ActiveFaults, age);
    }
}
