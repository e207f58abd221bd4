namespace FisExtension.Experiments.Writing;

/// <summary>The stores of the locations one command uses, each opened once (an S3 client per bucket and prefix) and all disposed together.</summary>
public sealed class FaultObjectStores(S3Connection connection) : IDisposable
{
    private readonly Dictionary<ConfigurationLocation, IFaultObjectWriter> _open = [];

    public IFaultObjectWriter Open(ConfigurationLocation location)
    {
        lock (_open)
        {
            if (!_open.TryGetValue(location, out var store))
            {
                _open[location] = store = FaultObjectWriters.Open(location, connection);
            }

            return store;
        }
    }

    public void Dispose()
    {
        lock (_open)
        {
            foreach (var store in _open.Values)
            {
                store.Dispose();
            }

            _open.Clear();
        }
    }
}
