namespace FisExtension.Experiments.Load;

/// <summary>One load request as measured: when it was due (open loop) and actually sent (later when the machine lags;
/// windows and lags go by this), how long the answer took from sending, what it was, and which fault actions the
/// extension logged for it (only known with <c>--invoke</c>).</summary>
public sealed record RequestRecord(
    int Sequence,
    DateTimeOffset DueAt,
    DateTimeOffset SentAt,
    double LatencyMilliseconds,
    string Target,
    int? Status,
    string? FunctionError,
    string? Failure,
    IReadOnlyList<string> Faults)
{
    /// <summary>An error for the report: no answer (timeout, refused), a 5xx, or a function error (X-Amz-Function-Error).</summary>
    public bool IsError => Failure is not null || Status >= 500 || FunctionError is not null;

    /// <summary>The outcome as one label for the status-code tables: <c>200</c>, <c>502</c>, <c>200 Unhandled</c>, <c>timeout</c>.</summary>
    public string Outcome => Failure ?? (FunctionError is null ? $"{Status}" : $"{Status} {FunctionError}");
}
