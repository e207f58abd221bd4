using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>Counts the requests a real store receives.</summary>
internal sealed class CountingStore(IFaultConfigurationStore inner) : IFaultConfigurationStore
{
    public int ListCount;

    public int GetCount;

    public string Description => inner.Description;

    public string FunctionPrefix => inner.FunctionPrefix;

    public string FunctionLocation => inner.FunctionLocation;

    public Task<StoreResult<StoreListing>> ListRootAsync(CancellationToken cancellationToken) => inner.ListRootAsync(cancellationToken);

    public Task<StoreResult<StoreListing>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ListCount);
        return inner.ListAsync(cancellationToken);
    }

    public Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref GetCount);
        return inner.GetAsync(key, maxBytes, cancellationToken);
    }
}
