namespace FisExtension.Emulator.Lifecycle;

/// <summary>An event waiting for an extension's event/next; INVOKE events carry their invocation so the next call can
/// acknowledge it.</summary>
internal sealed record ExtensionEvent(byte[] Body, Invocation? Invocation);
