namespace FisExtension.Contract.Stores;

/// <summary>The value of a store call, or the failure that stopped it.</summary>
public readonly record struct StoreResult<T>(T? Value, StoreFailure? Failure)
{
    public static implicit operator StoreResult<T>(StoreFailure failure) => new(default, failure);

    public static StoreResult<T> Success(T value) => new(value, null);
}
