using System.Globalization;

namespace FisExtension.Contract.Objects;

/// <summary>
/// A numeric parameter (fis-lambda-actions.md §5): plain decimal digits only, within a range, whole when
/// <paramref name="wholeOnly"/>. The hints say how to fix each kind of mistake. A class, not a record: nothing
/// compares rules, and a record's generated members would only grow the extension's binary.
/// </summary>
public sealed class NumberRule(string name, double min, double max, bool wholeOnly, string hint, string aboveHint, string belowHint)
{
    public string Name { get; } = name;

    public double Min { get; } = min;

    public double Max { get; } = max;

    public bool WholeOnly { get; } = wholeOnly;

    public string Hint { get; } = hint;

    public string AboveHint { get; } = aboveHint;

    public string BelowHint { get; } = belowHint;

    /// <summary>
    /// What is wrong with a value, without the parameter's name in front, or null when it is valid.
    /// <paramref name="text"/> is a JSON string's content or a JSON number's text; <paramref name="written"/> is the
    /// value as the object or template writes it, for quoting.
    /// </summary>
    public string? Check(string text, string written, out double number)
    {
        // Only plain decimal digits, as the contract documents them: "1e3", " 5", "+5" or "0x10" would each be
        // accepted by a general number parser, and each is more likely a mistake than a value someone meant.
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        if (!IsPlainDecimal(digits) || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var general) && double.IsFinite(general)
                ? $"{written} is not written in plain digits (no exponent, sign or spaces). {Hint}"
                : $"{written} is not a number. {Hint}";
        }

        var shown = ShownText.Shorten(text, ShownText.MaxLength, "", "");
        if (negative)
        {
            return $"{shown} has a minus sign. {BelowHint}";
        }

        if (WholeOnly && digits.Contains('.', StringComparison.Ordinal))
        {
            return $"{shown} is not written as a whole number. {Hint}";
        }

        if (number > Max)
        {
            return $"{shown} is above {Max.ToString(CultureInfo.InvariantCulture)}. {AboveHint}";
        }

        return number < Min ? $"{shown} is below {Min.ToString(CultureInfo.InvariantCulture)}. {BelowHint}" : null;
    }

    /// <summary>Digits, then optionally a point and more digits: <c>5</c>, <c>000</c>, <c>12.5</c>.</summary>
    private static bool IsPlainDecimal(string text)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "1" : text[(point + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.All(char.IsAsciiDigit);
    }
}
