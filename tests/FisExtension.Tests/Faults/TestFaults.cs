using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

/// <summary>Fault definitions as the configuration poller would produce them, with explicit times.</summary>
internal static class TestFaults
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static FaultDefinition Delay(string key, DateTimeOffset start, DateTimeOffset end, int milliseconds = 1000, double percentage = 100) =>
        Fault(key, FaultKind.StartDelay, start, end, percentage) with { StartupDelayMilliseconds = milliseconds };

    public static FaultDefinition Error(string key, DateTimeOffset start, DateTimeOffset end, double percentage = 100, bool preventExecution = false) =>
        Fault(key, FaultKind.InvocationError, start, end, percentage) with { PreventExecution = preventExecution };

    public static FaultDefinition Http(
        string key,
        DateTimeOffset start,
        DateTimeOffset end,
        int statusCode = 503,
        string contentType = "application/json",
        double percentage = 100,
        bool preventExecution = false) =>
        Fault(key, FaultKind.HttpIntegrationResponse, start, end, percentage) with
        {
            StatusCode = statusCode,
            ContentTypeHeader = contentType,
            PreventExecution = preventExecution,
        };

    private static FaultDefinition Fault(string key, FaultKind kind, DateTimeOffset start, DateTimeOffset end, double percentage) => new()
    {
        Key = key,
        ExperimentId = "EXP7f3kQ2",
        ActionName = key,
        ActionId = kind switch
        {
            FaultKind.StartDelay => FaultActionIds.AddDelay,
            FaultKind.InvocationError => FaultActionIds.InvocationError,
            _ => FaultActionIds.HttpIntegrationResponse,
        },
        Kind = kind,
        StartTime = start,
        EndTime = end,
        InvocationPercentage = percentage,
    };
}
