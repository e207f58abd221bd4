using System.Text;

namespace FisExtension.Launcher;

/// <summary>Strings as libc takes them: UTF-8 bytes with a terminating zero.</summary>
internal static class NativeText
{
    public static byte[] Of(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
