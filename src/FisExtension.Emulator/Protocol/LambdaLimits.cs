namespace FisExtension.Emulator.Protocol;

internal static class LambdaLimits
{
    /// <summary>6 MB: synchronous request and buffered response payloads (Lambda quotas page).</summary>
    public const int MaxSyncPayloadBytes = 6_291_456;

    /// <summary>1 MB: asynchronous (Event) invoke payloads, raised from 256 KB in 2025 (Lambda quotas page).</summary>
    public const int MaxAsyncPayloadBytes = 1_048_576;

    /// <summary>The runtime gets at most 300 ms of the shutdown budget when extensions are present (Extensions API, Shutdown phase).</summary>
    public static readonly TimeSpan RuntimeShutdownBudget = TimeSpan.FromMilliseconds(300);
}
