using FisExtension.Configuration;

namespace FisExtension.Telemetry;

/// <summary>Tells several observers of every completed poll, in order: the poller takes one.</summary>
internal sealed class PollObservers(IReadOnlyList<IPollObserver> observers) : IPollObserver
{
    public void OnPollCompleted(PollOutcome outcome)
    {
        foreach (var observer in observers)
        {
            observer.OnPollCompleted(outcome);
        }
    }
}
