namespace FisExtension.Experiments.Cli;

/// <summary>Documented defaults of fisctl's options (README, fisctl).</summary>
public static class FisctlDefaults
{
    /// <summary>The local stack's Lambda API (fis-emulator's invoke port).</summary>
    public const string Endpoint = "http://127.0.0.1:8080";

    /// <summary>Each Lambda API request; the next command is the retry.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The extension re-reads its location this often while a fault is active (README, "Polling": the hot cadence, fixed by AWS), so a deleted object is seen within it.</summary>
    public static readonly TimeSpan HotPollInterval = TimeSpan.FromSeconds(20);
}
