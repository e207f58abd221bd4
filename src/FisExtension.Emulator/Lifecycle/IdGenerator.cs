using System.Globalization;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>Request ids, extension ids and X-Ray trace ids from an injected random source.</summary>
internal sealed class IdGenerator(Random random, TimeProvider timeProvider)
{
    // The options' one Random is shared by the stack's generator and every environment's, and System.Random is not
    // thread-safe: they all lock the Random itself, not a gate of their own.
    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (random) random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes).ToString();
    }

    /// <summary>An X-Ray trace header: <c>Root=1-{epoch seconds hex}-{96 bits hex};Parent={64 bits hex};Sampled=0</c>.</summary>
    public string NewTraceId()
    {
        Span<byte> bytes = stackalloc byte[20];
        lock (random) random.NextBytes(bytes);
        var seconds = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture,
            $"Root=1-{seconds:x8}-{Convert.ToHexStringLower(bytes[..12])};Parent={Convert.ToHexStringLower(bytes[12..])};Sampled=0");
    }
}
