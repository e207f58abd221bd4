using FisExtension.RuntimeApi;

namespace FisExtension.Tests.RuntimeApi;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Rent_GivesAWhole64KiBBlock_ForKestrelsSmallRequests_AndReusesAReturnedOne()
    {
        using var pool = new LargeBlockMemoryPool();

        var first = pool.Rent(4096);
        var memory = first.Memory;
        Assert.Equal(LargeBlockMemoryPool.BlockSize, memory.Length);
        memory.Span.Fill(7);
        first.Dispose();
        using var second = pool.Rent(2048);

        Assert.True(second.Memory.Span.SequenceEqual(memory.Span), "the returned block was not reused");
        Assert.Throws<ObjectDisposedException>(() => first.Memory);
    }

    [Fact]
    public void Rent_AboveTheBlockSize_GivesThatMuch()
    {
        using var pool = new LargeBlockMemoryPool();

        using var large = pool.Rent(LargeBlockMemoryPool.BlockSize + 1);

        Assert.Equal(LargeBlockMemoryPool.BlockSize + 1, large.Memory.Length);
    }
}
