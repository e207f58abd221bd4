using System.Globalization;

namespace FisExtension.Experiments.Scheduling;

/// <summary>Times as the v1 objects and fisctl's output write them: RFC 3339 in UTC, milliseconds only when there are some.</summary>
public static class Rfc3339
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture);
}
