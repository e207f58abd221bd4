namespace FisExtension.Contract.Objects;

/// <summary>One validated fault configuration object (schema v1), with typed parameters and their defaults applied.</summary>
public sealed record FaultDefinition
{
    /// <summary>The object's key in the store, which names it in every log line.</summary>
    public required string Key { get; init; }

    public required string ExperimentId { get; init; }

    public required string ActionName { get; init; }

    public required string ActionId { get; init; }

    public required FaultKind Kind { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Share of invocations hit, from 0 to 100. Defaults to 100.</summary>
    public double InvocationPercentage { get; init; } = 100;

    /// <summary>For <see cref="FaultKind.StartDelay"/>. Defaults to 1000 ms, as FIS does.</summary>
    public int StartupDelayMilliseconds { get; init; } = 1000;

    /// <summary>For the error and HTTP faults: whether the handler is skipped. Defaults to false.</summary>
    public bool PreventExecution { get; init; }

    /// <summary>For <see cref="FaultKind.HttpIntegrationResponse"/>, 0 to 999.</summary>
    public int StatusCode { get; init; }

    /// <summary>For <see cref="FaultKind.HttpIntegrationResponse"/>. Defaults to <c>application/json</c>.</summary>
    public string ContentTypeHeader { get; init; } = "application/json";

    /// <summary>A fault is active only while <c>StartTime &lt;= now &lt; EndTime</c>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => StartTime <= now && now < EndTime;
}
