namespace FisExtension.Contract.Stores;

/// <summary>A put, delete, list or read that failed, with a message that says what failed and how to fix it.
/// An <see cref="IOException"/>, as the folder store's own failures are, so callers handle both alike.</summary>
public sealed class FaultObjectStoreException : IOException
{
    public FaultObjectStoreException()
    {
    }

    public FaultObjectStoreException(string message)
        : base(message)
    {
    }

    public FaultObjectStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
