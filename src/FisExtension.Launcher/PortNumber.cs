using System.Globalization;

namespace FisExtension.Launcher;

/// <summary>A TCP port written as plain digits.</summary>
internal static class PortNumber
{
    /// <summary>One to five ASCII digits, from <paramref name="minimum"/> to 65535.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, int minimum, out ushort port)
    {
        port = 0;
        if (text.Length is 0 or > 5 || text.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value < minimum || value > ushort.MaxValue)
        {
            return false;
        }

        port = (ushort)value;
        return true;
    }
}
