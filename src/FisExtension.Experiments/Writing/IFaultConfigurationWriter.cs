namespace FisExtension.Experiments.Writing;

/// <summary>Puts and deletes fault configuration objects; the one seam between running an experiment and a store.</summary>
public interface IFaultConfigurationWriter
{
    Task PutAsync(FaultObjectAddress address, FaultConfigurationObject fault, CancellationToken cancellationToken);

    /// <summary>Deleting an object that is already gone succeeds.</summary>
    Task DeleteAsync(FaultObjectAddress address, CancellationToken cancellationToken);
}
