namespace FisExtension.Emulator;

/// <summary>The outcome of an init phase.</summary>
public sealed record InitResult
{
    public bool Succeeded => ErrorType is null;

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The error body given to the invoker (the runtime's own body for <c>/init/error</c>).</summary>
    public byte[] ErrorPayload { get; init; } = [];

    public TimeSpan Duration { get; init; }

    public IReadOnlyList<ExtensionInfo> Extensions { get; init; } = [];
}
