namespace FisExtension.Tests.Contract;

public sealed class BoundedReadTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(100_000, 40_000)]
    [InlineData(40_000, 100_000)]
    [InlineData(16_385, 16_384)]
    public async Task ReadsEverything_UpToTheLimitPlusOneByte(int length, int maxBytes)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

        var read = await BoundedRead.ReadAsync(new TrickleStream(bytes), maxBytes, CancellationToken.None);

        Assert.Equal(bytes.Take(maxBytes + 1), read);
    }

    /// <summary>Hands out at most 1,000 bytes a read, as a socket does under load.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
