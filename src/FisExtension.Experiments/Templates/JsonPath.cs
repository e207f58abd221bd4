using System.Text.RegularExpressions;

namespace FisExtension.Experiments.Templates;

/// <summary>JSONPath-style locations for problems: <c>$.actions.fail.startAfter[0]</c>, <c>$.tags['a b']</c>.</summary>
public static partial class JsonPath
{
    public const string Root = "$";

    public static string Child(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
