using System.Text;

namespace FisExtension.Launcher;

/// <summary>One line to stdout, where Lambda collects an extension's logs; written directly: Console would add about 150 KB to the launcher.</summary>
internal static unsafe class StandardOutput
{
    public static void WriteLine(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        fixed (byte* start = bytes)
        {
            Libc.write(1, start, (nuint)bytes.Length);
        }
    }
}
