namespace FisExtension.Experiments.Load.Artillery;

/// <summary>Artillery's summary of one period's <c>http.response_time</c> (milliseconds): how many, and its quantiles.</summary>
public sealed record ResponseTimeSummary(long Count, double Min, double P50, double P75, double P90, double P95, double P99, double P999, double Max)
{
    /// <summary>The quantiles as (value, fraction at or below it), the knots of the piecewise-linear distribution the
    /// report assumes between them.</summary>
    public IReadOnlyList<(double Value, double Fraction)> Knots =>
        [(Min, 0), (P50, 0.5), (P75, 0.75), (P90, 0.9), (P95, 0.95), (P99, 0.99), (P999, 0.999), (Max, 1)];
}
