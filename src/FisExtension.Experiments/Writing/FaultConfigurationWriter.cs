namespace FisExtension.Experiments.Writing;

/// <summary>
/// Writes each object to its address's location through the contract's stores: files in a folder, or S3 reached with
/// the same variables as the extension (<c>AWS_REGION</c>, the key pair, <c>AWS_ENDPOINT_URL_S3</c>). One store per location.
/// </summary>
public sealed class FaultConfigurationWriter(S3Connection connection) : IFaultConfigurationWriter, IDisposable
{
    private readonly FaultObjectStores _stores = new(connection);

    public Task PutAsync(FaultObjectAddress address, FaultObject fault, CancellationToken cancellationToken) =>
        _stores.Open(address.Location).PutAsync(address.Key, fault.ToUtf8Json(), cancellationToken);

    public Task DeleteAsync(FaultObjectAddress address, CancellationToken cancellationToken) =>
        _stores.Open(address.Location).DeleteAsync(address.Key, cancellationToken);

    public void Dispose() => _stores.Dispose();
}
