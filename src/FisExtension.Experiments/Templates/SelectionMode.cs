using System.Globalization;
using System.Text.RegularExpressions;

namespace FisExtension.Experiments.Templates;

/// <summary>FIS <c>selectionMode</c>: <c>ALL</c>, <c>COUNT(n)</c> or <c>PERCENT(n)</c> (CreateExperimentTemplateTargetInput).</summary>
public sealed partial record SelectionMode(SelectionKind Kind, int Value)
{
    public static SelectionMode All { get; } = new(SelectionKind.All, 0);

    public override string ToString() => Kind switch
    {
        SelectionKind.Count => $"COUNT({Value})",
        SelectionKind.Percent => $"PERCENT({Value})",
        _ => "ALL",
    };

    /// <summary>Parses the text; on failure returns null and says why and how to fix it.</summary>
    public static SelectionMode? Parse(string text, out string? problem)
    {
        problem = null;
        if (text == "ALL")
        {
            return All;
        }

        var match = CountOrPercent().Match(text);
        if (!match.Success)
        {
            problem = $"\"{text}\" is not a selection mode. Use ALL, COUNT(n) or PERCENT(n), e.g. \"COUNT(1)\".";
            return null;
        }

        var kind = match.Groups[1].Value == "COUNT" ? SelectionKind.Count : SelectionKind.Percent;
        if (!int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            problem = $"\"{text}\" selects nothing. Use a whole number of at least 1.";
            return null;
        }

        if (kind == SelectionKind.Percent && value > 100)
        {
            problem = $"\"{text}\" is above 100 percent. Use PERCENT(100) or ALL to select every function.";
            return null;
        }

        return new SelectionMode(kind, value);
    }

    [GeneratedRegex(@"^(COUNT|PERCENT)\((\d{1,9})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountOrPercent();
}
