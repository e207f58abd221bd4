using System.Threading.Channels;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>A registered extension: its queue of events and the invocation it is working on.</summary>
internal sealed class ExtensionSession(ExtensionInfo info, Func<long> timestamp)
{
    private readonly Channel<ExtensionEvent> _events = Channel.CreateUnbounded<ExtensionEvent>();
    private readonly TaskCompletionSource _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private Invocation? _inFlight;

    public ExtensionInfo Info { get; } = info;

    /// <summary>Completes on the first event/next: the extension finished its init.</summary>
    public Task FirstNext => _firstNext.Task;

    public bool SubscribedTo(string eventType) => Info.Events.Contains(eventType, StringComparer.Ordinal);

    public bool Deliver(ExtensionEvent extensionEvent) => _events.Writer.TryWrite(extensionEvent);

    /// <summary>event/next: acknowledges the event delivered before (the extension is done with it) and waits for the next one.</summary>
    public async Task<ExtensionEvent> NextAsync(CancellationToken cancellationToken)
    {
        _firstNext.TrySetResult();
        lock (_gate)
        {
            _inFlight?.AcknowledgeExtension(timestamp());
            _inFlight = null;
        }
        var next = await _events.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate) _inFlight = next.Invocation;
        return next;
    }

    /// <summary>The extension is gone: nothing it held may keep an invocation waiting.</summary>
    public void Abandon()
    {
        _events.Writer.TryComplete();
        lock (_gate)
        {
            _inFlight?.AcknowledgeExtension(timestamp());
            _inFlight = null;
        }
        while (_events.Reader.TryRead(out var queued)) queued.Invocation?.AcknowledgeExtension(timestamp());
    }

    public static bool IsKnownEventType(string eventType) => eventType is EventTypes.Invoke or EventTypes.Shutdown;
}
