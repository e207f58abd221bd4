namespace FisExtension.Benchmarks;

/// <summary>
/// One run of an invocation error at a fixed <c>invocationPercentage</c>: how many invocations the upstream saw
/// end in the injected error, against the binomial expectation. <see cref="DistanceSigmas"/> is
/// (hits − n·p) / √(n·p·(1−p)) over the invocations whose outcome was a response or the injected error.
/// </summary>
internal sealed record PercentageResult(
    int? Seed,
    double RequestedPercent,
    int Invocations,
    int Hits,
    int Responses,
    int OtherOutcomes,
    double ObservedPercent,
    double ExpectedHits,
    double Sigma,
    double DistanceSigmas,
    int Errors,
    string? FirstError);
