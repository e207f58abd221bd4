namespace FisExtension.Emulator;

/// <summary>One extension's exit: how long after SHUTDOWN it exited, or that it needed SIGKILL.</summary>
public sealed record ExtensionShutdown(string Name, TimeSpan ExitedAfter, bool Killed, int? ExitCode);
