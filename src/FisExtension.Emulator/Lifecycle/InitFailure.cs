namespace FisExtension.Emulator.Lifecycle;

/// <summary>Why an init failed; <paramref name="Payload"/> is the body the invoker gets.</summary>
internal sealed record InitFailure(string ErrorType, string Message, byte[] Payload);
