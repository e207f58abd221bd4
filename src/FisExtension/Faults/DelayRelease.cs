namespace FisExtension.Faults;

/// <summary>Why a held start delay ended.</summary>
internal enum DelayRelease
{
    /// <summary>The requested <c>startupDelayMilliseconds</c> passed.</summary>
    Elapsed,

    /// <summary>The fault reached its <c>endTime</c> first.</summary>
    FaultEnded,

    /// <summary>A poll no longer listed the fault's object: the action ended or the experiment was stopped.</summary>
    FaultRemoved,
}
