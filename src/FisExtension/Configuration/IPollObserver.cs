namespace FisExtension.Configuration;

/// <summary>Told of every completed poll (e.g. by the EMF metric writer). Called on the poll's thread; keep it quick.</summary>
internal interface IPollObserver
{
    void OnPollCompleted(PollOutcome outcome);
}
