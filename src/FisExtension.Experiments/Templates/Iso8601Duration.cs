using System.Globalization;
using System.Text.RegularExpressions;

namespace FisExtension.Experiments.Templates;

/// <summary>
/// ISO 8601 durations as FIS writes them (<c>PT2M</c>, <c>PT1H30M</c>, <c>PT0.5S</c>, <c>P1D</c>): days, hours, minutes
/// and seconds; a decimal fraction only on the seconds. Years, months and weeks have no fixed length and are refused.
/// </summary>
public static partial class Iso8601Duration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var match = Pattern().Match(text);
        if (!match.Success || (match.Groups["d"].Length + match.Groups["h"].Length + match.Groups["m"].Length + match.Groups["s"].Length) == 0
            || (match.Groups["t"].Success && match.Groups["h"].Length + match.Groups["m"].Length + match.Groups["s"].Length == 0))
        {
            return false;
        }

        var seconds = Component(match, "d") * 86_400 + Component(match, "h") * 3_600 + Component(match, "m") * 60
            + Component(match, "s");
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>Formats a duration back in the shortest ISO 8601 form (<c>PT1H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        var text = "PT";
        if (duration.TotalHours >= 1)
        {
            text += $"{(long)duration.TotalHours}H";
        }

        if (duration.Minutes > 0)
        {
            text += $"{duration.Minutes}M";
        }

        var seconds = duration.Seconds + (duration.Ticks % TimeSpan.TicksPerSecond) / (double)TimeSpan.TicksPerSecond;
        if (seconds > 0 || text == "PT")
        {
            text += seconds.ToString("0.###", CultureInfo.InvariantCulture) + "S";
        }

        return text;
    }

    private static double Component(Match match, string name)
    {
        var group = match.Groups[name];
        return group.Success ? double.Parse(group.Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^P(?:(?<d>\d{1,6})D)?(?<t>T(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,6})M)?(?:(?<s>\d{1,9}(?:[.,]\d{1,9})?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
