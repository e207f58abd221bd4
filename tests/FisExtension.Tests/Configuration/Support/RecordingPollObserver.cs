using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>Keeps every poll outcome the poller reports, with the latency it measured on its own clock; can be told to throw.</summary>
internal sealed class RecordingPollObserver : IPollObserver
{
    private readonly List<PollOutcome> _outcomes = [];

    public IReadOnlyList<PollOutcome> Outcomes
    {
        get
        {
            lock (_outcomes)
            {
                return [.. _outcomes];
            }
        }
    }

    public bool Throw { get; set; }

    public void OnPollCompleted(PollOutcome outcome)
    {
        lock (_outcomes)
        {
            _outcomes.Add(outcome);
        }

        if (Throw)
        {
            throw new InvalidOperationException("observer bug");
        }
    }
}
