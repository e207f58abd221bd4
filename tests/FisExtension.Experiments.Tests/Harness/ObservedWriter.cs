using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>The real writer over a folder, counting finished puts and deletes so a test can wait for the runner to reach a step.</summary>
public sealed class ObservedWriter : IFaultConfigurationWriter, IDisposable
{
    private readonly FaultConfigurationWriter _inner = new(S3Connection.FromEnvironment(_ => null));
    private readonly SemaphoreSlim _operations = new(0);

    public async Task PutAsync(FaultObjectAddress address, FaultObject fault, CancellationToken cancellationToken)
    {
        await _inner.PutAsync(address, fault, cancellationToken);
        _operations.Release();
    }

    public async Task DeleteAsync(FaultObjectAddress address, CancellationToken cancellationToken)
    {
        await _inner.DeleteAsync(address, cancellationToken);
        _operations.Release();
    }

    public async Task WaitForOperationsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _operations.WaitAsync();
        }
    }

    public void Dispose()
    {
        _inner.Dispose();
        _operations.Dispose();
    }
}
