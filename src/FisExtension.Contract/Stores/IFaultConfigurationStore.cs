namespace FisExtension.Contract.Stores;

/// <summary>Lists and reads the fault configuration objects of one function. Implementations never throw for store errors.</summary>
public interface IFaultConfigurationStore
{
    /// <summary>How log lines name the store, e.g. <c>S3</c>.</summary>
    string Description { get; }

    /// <summary>The function's own prefix (or directory), the only place listed.</summary>
    string FunctionPrefix { get; }

    /// <summary>The function's own prefix as a user finds it: <c>s3://bucket/FisConfigs/my-function/</c>, <c>/path/my-function/</c>.</summary>
    string FunctionLocation { get; }

    /// <summary>One list request of the function's prefix.</summary>
    Task<StoreResult<StoreListing>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One list request of the configuration root, one level deep: objects placed there by mistake and the
    /// prefixes of other functions. Only to explain an empty function prefix; it may well be denied.
    /// </summary>
    Task<StoreResult<StoreListing>> ListRootAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads one object, at most <paramref name="maxBytes"/> + 1 bytes (so that an oversized object shows as such).
    /// The value is null when the object disappeared since it was listed.
    /// </summary>
    Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken);
}
