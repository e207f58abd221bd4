using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>The real directory writer, counting finished puts and deletes so a test can wait for the runner to reach a step.</summary>
public sealed class ObservedWriter : IFaultConfigurationWriter
{
    private readonly DirectoryFaultConfigurationWriter _inner = new();
    private readonly SemaphoreSlim _operations = new(0);

    public async Task PutAsync(FaultObjectAddress address, FaultConfigurationObject fault, CancellationToken cancellationToken)
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
}
