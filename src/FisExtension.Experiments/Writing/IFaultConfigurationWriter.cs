namespace FisExtension.Experiments.Writing;

/// <summary>Puts and deletes fault configuration objects; the one seam between running an experiment and a store.</summary>
public interface IFaultConfigurationWriter
{
    /// <summary>A failure throws an <see cref="IOException"/> (a <see cref="FaultObjectStoreException"/>) saying what failed and how to fix it.</summary>
    Task PutAsync(FaultObjectAddress address, FaultObject fault, CancellationToken cancellationToken);

    /// <summary>Deleting an object that is already gone succeeds.</summary>
    Task DeleteAsync(FaultObjectAddress address, CancellationToken cancellationToken);
}
