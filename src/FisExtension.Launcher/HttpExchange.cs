using System.Runtime.InteropServices;
using System.Text;

namespace FisExtension.Launcher;

/// <summary>One HTTP/1.1 request on a connection of its own, answered by a head the caller reads.</summary>
internal static unsafe class HttpExchange
{
    // Lambda's answers to register and event/next have short heads; the body is not needed.
    private const int MaxHeadBytes = 16 * 1024;

    /// <summary>
    /// Sends <paramref name="request"/> and returns the answer's head (status line and headers, up to the blank line),
    /// or null when the connection fails or closes first. Blocks without a timeout, as Lambda's own API may keep an
    /// event/next waiting for the whole life of the environment.
    /// </summary>
    public static string? Send(Ipv4Endpoint endpoint, string request)
    {
        var fd = Libc.socket(Libc.AfInet, Libc.SockStream, 0);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            var address = endpoint.ToSocketAddress();
            return Libc.connect(fd, &address, (uint)sizeof(Libc.SocketAddressIn)) == 0 && WriteAll(fd, Encoding.ASCII.GetBytes(request))
                ? ReadHead(fd)
                : null;
        }
        finally
        {
            Libc.close(fd);
        }
    }

    /// <summary>The status code of a head's status line, or 0.</summary>
    public static int StatusCode(string head) =>
        head.StartsWith("HTTP/1.", StringComparison.Ordinal) && head.Length >= 12 && int.TryParse(head.AsSpan(9, 3), out var code) ? code : 0;

    /// <summary>The trimmed value of the first header named <paramref name="name"/> (any case), or null.</summary>
    public static string? Header(string head, string name)
    {
        var lines = head.AsSpan();
        foreach (var range in lines.Split("\r\n"))
        {
            var line = lines[range];
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim(" \t").ToString();
            }
        }

        return null;
    }

    private static bool WriteAll(int fd, byte[] bytes)
    {
        fixed (byte* start = bytes)
        {
            for (var sent = 0; sent < bytes.Length;)
            {
                var written = Libc.write(fd, start + sent, (nuint)(bytes.Length - sent));
                if (written <= 0)
                {
                    if (written < 0 && Marshal.GetLastPInvokeError() == Errno.Interrupted)
                    {
                        continue;
                    }

                    return false;
                }

                sent += (int)written;
            }
        }

        return true;
    }

    private static string? ReadHead(int fd)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        fixed (byte* start = buffer)
        {
            while (length < buffer.Length)
            {
                var received = Libc.read(fd, start + length, (nuint)(buffer.Length - length));
                if (received < 0 && Marshal.GetLastPInvokeError() == Errno.Interrupted)
                {
                    continue;
                }

                if (received <= 0)
                {
                    return null;
                }

                var searchFrom = Math.Max(0, length - 3);
                length += (int)received;
                var end = buffer.AsSpan(searchFrom, length - searchFrom).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    return Encoding.Latin1.GetString(buffer, 0, searchFrom + end);
                }
            }
        }

        return null;
    }
}
