namespace FisExtension.Configuration;

/// <summary>The value of a store call, or the failure that stopped it.</summary>
internal readonly record struct StoreResult<T>(T? Value, StoreFailure? Failure)
{
    public static implicit operator StoreResult<T>(StoreFailure failure) => new(default, failure);

    public static StoreResult<T> Success(T value) => new(value, null);
}
