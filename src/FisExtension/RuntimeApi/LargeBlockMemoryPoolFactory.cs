using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace FisExtension.RuntimeApi;

/// <summary>Gives Kestrel's transport the <see cref="LargeBlockMemoryPool"/> (resolved from DI as IMemoryPoolFactory, ASP.NET Core 10).</summary>
internal sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
