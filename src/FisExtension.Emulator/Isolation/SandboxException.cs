namespace FisExtension.Emulator.Isolation;

/// <summary>The namespaces of an environment could not be made; the message says what failed and what to do.</summary>
public sealed class SandboxException(string message, Exception? inner = null) : Exception(message, inner);
