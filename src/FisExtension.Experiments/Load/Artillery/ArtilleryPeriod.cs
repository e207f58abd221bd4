namespace FisExtension.Experiments.Load.Artillery;

/// <summary>One intermediate period of an Artillery report (10 s by default): when it ran, its counters
/// (<c>http.requests</c>, <c>http.codes.200</c>, <c>errors.ETIMEDOUT</c>…), its <c>http.response_time</c> summary
/// (null when no response arrived in it), and the per-URL summaries of Artillery's metrics-by-endpoint plugin.</summary>
public sealed record ArtilleryPeriod(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, long> Counters,
    ResponseTimeSummary? ResponseTime,
    IReadOnlyDictionary<string, ResponseTimeSummary> EndpointResponseTimes)
{
    public const string RequestsCounter = "http.requests";
    public const string CodePrefix = "http.codes.";
    public const string ErrorPrefix = "errors.";

    /// <summary>Counters of the metrics-by-endpoint plugin: <c>plugins.metrics-by-endpoint./orders.codes.200</c>.</summary>
    public const string EndpointPrefix = "plugins.metrics-by-endpoint.";

    /// <summary>Its summaries: <c>plugins.metrics-by-endpoint.response_time./orders</c>.</summary>
    public const string EndpointResponseTimePrefix = EndpointPrefix + "response_time.";

    /// <summary>The URLs the metrics-by-endpoint plugin counted in this period.</summary>
    public IEnumerable<string> Endpoints => Counters.Keys.Where(k => k.StartsWith(EndpointPrefix, StringComparison.Ordinal))
        .Select(k => k[EndpointPrefix.Length..]).Select(EndpointOf).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>This period as seen by one URL: its codes and errors (whose sum is its requests) and its response times.</summary>
    public ArtilleryPeriod ForEndpoint(string endpoint)
    {
        var prefix = EndpointPrefix + endpoint + ".";
        var counters = Counters.Where(c => c.Key.StartsWith(prefix + "codes.", StringComparison.Ordinal) || c.Key.StartsWith(prefix + ErrorPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Key.StartsWith(prefix + "codes.", StringComparison.Ordinal) ? CodePrefix + c.Key[(prefix.Length + "codes.".Length)..] : c.Key[prefix.Length..], c => c.Value, StringComparer.Ordinal);
        counters[RequestsCounter] = counters.Values.Sum();
        return new ArtilleryPeriod(Start, End, counters, EndpointResponseTimes.GetValueOrDefault(endpoint), new Dictionary<string, ResponseTimeSummary>());
    }

    public DateTimeOffset Middle => Start + ((End - Start) / 2);

    public long Requests => Counters.GetValueOrDefault(RequestsCounter);

    /// <summary>Requests with no answer (<c>errors.*</c>) and answers with a 5xx status, as fisctl's own load counts errors.</summary>
    public long Errors => Outcomes.Where(o => IsError(o.Key)).Sum(o => o.Value);

    /// <summary>The outcome labels of fisctl's report: the status (<c>200</c>, <c>503</c>) or the error code (<c>ETIMEDOUT</c>).</summary>
    public IEnumerable<KeyValuePair<string, long>> Outcomes => Counters
        .Where(c => c.Key.StartsWith(CodePrefix, StringComparison.Ordinal) || c.Key.StartsWith(ErrorPrefix, StringComparison.Ordinal))
        .Select(c => KeyValuePair.Create(c.Key[(c.Key.StartsWith(CodePrefix, StringComparison.Ordinal) ? CodePrefix.Length : ErrorPrefix.Length)..], c.Value));

    private static string? EndpointOf(string rest)
    {
        foreach (var marker in new[] { ".codes.", "." + ErrorPrefix })
        {
            var at = rest.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0) return rest[..at];
        }

        return null;
    }

    private static bool IsError(string outcome) =>
        !int.TryParse(outcome, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status) || status >= 500;
}
