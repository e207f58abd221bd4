using System.Buffers;
using System.Collections.Concurrent;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Kestrel's buffers in 64 KiB pinned blocks instead of its default 4 KiB ones: a socket read fills one pipe segment,
/// so a 1 MiB event or response takes 16 reads instead of 256, each with its own wake-up of the forwarding code.
/// Blocks are reused; at most <see cref="KeptBlocks"/> are kept when returned.
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    private const int KeptBlocks = 32;

    private readonly ConcurrentQueue<byte[]> _blocks = new();

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            return new Block(this, GC.AllocateUninitializedArray<byte>(minBufferSize, pinned: true), keep: false);
        }

        return new Block(this, _blocks.TryDequeue(out var block) ? block : GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true), keep: true);
    }

    protected override void Dispose(bool disposing) => _blocks.Clear();

    private void Return(byte[] block)
    {
        if (_blocks.Count < KeptBlocks)
        {
            _blocks.Enqueue(block);
        }
    }

    private sealed class Block(LargeBlockMemoryPool pool, byte[] array, bool keep) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array ?? throw new ObjectDisposedException(nameof(Block));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } returned && keep)
            {
                pool.Return(returned);
            }
        }
    }
}
