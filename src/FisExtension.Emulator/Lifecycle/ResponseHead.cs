namespace FisExtension.Emulator.Lifecycle;

/// <summary>What is known when a response begins: enough to write the invoke response's status and headers.</summary>
internal sealed record ResponseHead(bool Streamed, string ContentType, string? FunctionError, string? ErrorType);
