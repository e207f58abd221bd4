namespace FisExtension.ExtensionsApi;

/// <summary>Event types of the Extensions API and the one registration this extension makes (lambda-apis.md §2).</summary>
internal static class ExtensionsApiEvents
{
    public const string Invoke = "INVOKE";
    public const string Shutdown = "SHUTDOWN";

    // The proxy sees every invocation itself, so INVOKE would only cost an event/next round trip per invocation.
    // The Extensions API makes events optional ("events – Array of the events to register for. Required: no",
    // Extensions API reference, Register); SHUTDOWN is kept so the extension can exit cleanly.
    public const string RegisterBody = $$"""{"events":["{{Shutdown}}"]}""";
}
