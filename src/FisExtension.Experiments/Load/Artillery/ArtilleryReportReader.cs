using System.Globalization;
using System.Text.Json;

namespace FisExtension.Experiments.Load.Artillery;

/// <summary>Reads the JSON report of <c>artillery run --output FILE</c> (Artillery 2: <c>aggregate</c> and
/// <c>intermediate</c>, each period with <c>period</c>, <c>counters</c> and <c>summaries</c>; older reports have the
/// same summaries under <c>histograms</c>). Anything else is an <see cref="ArtilleryFormatException"/> naming the JSON path.</summary>
public static class ArtilleryReportReader
{
    public const string ResponseTime = "http.response_time";

    /// <summary>Artillery's default reporting period, used when the report has a single period.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(10);

    public static ArtilleryReport Read(string file)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArtilleryFormatException(file, "$", $"cannot be read ({e.Message})");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ArtilleryFormatException(file, "$", $"is not JSON ({e.Message}). Give the file of 'artillery run --output FILE'.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("intermediate", out var intermediate) || intermediate.ValueKind != JsonValueKind.Array)
            {
                throw new ArtilleryFormatException(file, "$.intermediate", "is missing or not an array: this is not the JSON report of 'artillery run --output FILE'.");
            }

            var raw = intermediate.EnumerateArray().Select((period, i) => ReadPeriod(file, period, $"$.intermediate[{i}]")).OrderBy(p => p.Start).ToList();
            if (raw.Count == 0)
            {
                throw new ArtilleryFormatException(file, "$.intermediate", "is empty: the run reported no period (did it send any request?).");
            }

            // A period ends where the next begins; the last lasts as long as the others.
            var length = raw.Count > 1 ? raw.Zip(raw.Skip(1), (a, b) => b.Start - a.Start).Min() : DefaultPeriod;
            return new ArtilleryReport(file, [.. raw.Select((p, i) => p with { End = i + 1 < raw.Count ? raw[i + 1].Start : p.Start + length })]);
        }
    }

    private static ArtilleryPeriod ReadPeriod(string file, JsonElement period, string path)
    {
        if (period.ValueKind != JsonValueKind.Object)
        {
            throw new ArtilleryFormatException(file, path, "is not an object.");
        }

        var start = DateTimeOffset.FromUnixTimeMilliseconds(Milliseconds(file, period, "period", path));
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (period.TryGetProperty("counters", out var counterObject))
        {
            if (counterObject.ValueKind != JsonValueKind.Object)
            {
                throw new ArtilleryFormatException(file, $"{path}.counters", "is not an object of counts.");
            }

            foreach (var counter in counterObject.EnumerateObject())
            {
                counters[counter.Name] = counter.Value.ValueKind == JsonValueKind.Number && counter.Value.TryGetInt64(out var count) && count >= 0
                    ? count
                    : throw new ArtilleryFormatException(file, $"{path}.counters[\"{counter.Name}\"]", $"is {counter.Value.GetRawText()}, not a count.");
            }
        }

        var endpoints = new Dictionary<string, ResponseTimeSummary>(StringComparer.Ordinal);
        if (SummariesOf(period) is ({ } kind, var summaries))
        {
            foreach (var summary in summaries.EnumerateObject().Where(s => s.Name.StartsWith(ArtilleryPeriod.EndpointResponseTimePrefix, StringComparison.Ordinal)))
            {
                if (Summary(file, kind, summaries, summary.Name, path) is { } endpoint)
                {
                    endpoints[summary.Name[ArtilleryPeriod.EndpointResponseTimePrefix.Length..]] = endpoint;
                }
            }
        }

        var responseTime = SummariesOf(period) is ({ } name, var all) ? Summary(file, name, all, ResponseTime, path) : null;
        return new ArtilleryPeriod(start, start, counters, responseTime, endpoints);
    }

    private static (string? Name, JsonElement Summaries) SummariesOf(JsonElement period)
    {
        foreach (var name in new[] { "summaries", "histograms" })
        {
            if (period.TryGetProperty(name, out var summaries) && summaries.ValueKind == JsonValueKind.Object)
            {
                return (name, summaries);
            }
        }

        return (null, default);
    }

    private static ResponseTimeSummary? Summary(string file, string name, JsonElement summaries, string metric, string path)
    {
        if (!summaries.TryGetProperty(metric, out var summary))
        {
            return null;
        }

        var at = $"{path}.{name}[\"{metric}\"]";
        if (summary.ValueKind != JsonValueKind.Object)
        {
            throw new ArtilleryFormatException(file, at, "is not a summary object.");
        }

        double Value(string field) => summary.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ArtilleryFormatException(file, $"{at}.{field}", "is missing or not a number.");
        var result = new ResponseTimeSummary((long)Value("count"), Value("min"), Value("p50"), Value("p75"), Value("p90"), Value("p95"), Value("p99"), Value("p999"), Value("max"));
        for (var i = 1; i < result.Knots.Count; i++)
        {
            if (result.Knots[i].Value < result.Knots[i - 1].Value)
            {
                throw new ArtilleryFormatException(file, at, "has quantiles that decrease (min ≤ p50 ≤ … ≤ p999 ≤ max expected).");
            }
        }

        return result.Count > 0 ? result : null;
    }

    /// <summary>Artillery writes <c>period</c> as epoch milliseconds, a number or (some versions) a string of digits.</summary>
    private static long Milliseconds(string file, JsonElement period, string field, string path)
    {
        if (period.TryGetProperty(field, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number > 0)
            {
                return number;
            }

            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                return parsed;
            }
        }

        throw new ArtilleryFormatException(file, $"{path}.{field}", "is missing or not epoch milliseconds (the period's start).");
    }
}
