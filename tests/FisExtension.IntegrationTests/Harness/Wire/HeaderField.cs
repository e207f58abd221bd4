using System.Text;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>One header line as bytes on the wire: the value is held as Latin-1, one char per byte, so any byte round-trips.</summary>
internal sealed record HeaderField(string Name, string Value)
{
    /// <summary>A header whose value is the UTF-8 bytes of <paramref name="text"/>, unescaped, as the runtime clients send messages.</summary>
    public static HeaderField Utf8(string name, string text) => new(name, Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)));

    public byte[] ValueBytes => Encoding.Latin1.GetBytes(Value);

    public override string ToString() => $"{Name}: {(Value.Length > 80 ? Value[..80] + $"… ({Value.Length} bytes)" : Value)}";
}
