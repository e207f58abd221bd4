using System.Buffers.Binary;
using System.Globalization;

namespace FisExtension.Launcher;

/// <summary>An IPv4 address and port, as <c>AWS_LAMBDA_RUNTIME_API</c> gives it (e.g. <c>127.0.0.1:9001</c>).</summary>
internal readonly record struct Ipv4Endpoint(uint Address, ushort Port)
{
    public static Ipv4Endpoint Loopback(ushort port) => new(0x7F000001, port);

    /// <summary>Only the plain form <c>a.b.c.d:port</c>; anything else (a host name, IPv6) is left to the extension.</summary>
    public static Ipv4Endpoint? TryParse(string? text)
    {
        var colon = text?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !PortNumber.TryParse(text!.AsSpan(colon + 1), 1, out var port))
        {
            return null;
        }

        var host = text.AsSpan(0, colon);
        if (host.Count('.') != 3)
        {
            return null;
        }

        uint address = 0;
        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            // A leading zero is left to the extension: some parsers read such an octet as octal (010 = 8).
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || part.ContainsAnyExceptInRange('0', '9') || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                return null;
            }

            address = (address << 8) | octet;
        }

        return new Ipv4Endpoint(address, port);
    }


    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Address >> 24}.{(Address >> 16) & 0xFF}.{(Address >> 8) & 0xFF}.{Address & 0xFF}:{Port}");

    public Libc.SocketAddressIn ToSocketAddress() => new()
    {
        Family = Libc.AfInet,
        Port = BinaryPrimitives.ReverseEndianness(Port),
        Address = BinaryPrimitives.ReverseEndianness(Address),
    };
}
