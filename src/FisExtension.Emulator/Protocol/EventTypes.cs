namespace FisExtension.Emulator.Protocol;

/// <summary>Extensions API event types and shutdown reasons.</summary>
public static class EventTypes
{
    public const string Invoke = "INVOKE";
    public const string Shutdown = "SHUTDOWN";

    public const string ReasonSpindown = "spindown";
    public const string ReasonTimeout = "timeout";
    public const string ReasonFailure = "failure";
}
