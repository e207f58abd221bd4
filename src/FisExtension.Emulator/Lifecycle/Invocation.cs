using System.Threading.Channels;
using FisExtension.Emulator.Protocol;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>One invocation, from dispatch to the last extension's next. Everything about it is keyed by its own request
/// id: several can be in flight at once.</summary>
internal sealed class Invocation(string requestId, byte[] payload, InvokeOptions options, string traceId, DateTimeOffset deadline, long startTimestamp)
{
    private const int Pending = 0;
    private const int Responding = 1;
    private const int Completed = 2;

    private readonly TaskCompletionSource<ResponseHead> _head = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ResponseTail> _tail = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _extensionsIdle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _runtimeReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _body = new();
    private readonly Lock _gate = new();
    private Channel<ReadOnlyMemory<byte>>? _subscriber;
    private int _state;
    private int _pendingExtensions;

    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public InvokeOptions Options { get; } = options;

    public string TraceId { get; } = traceId;

    public DateTimeOffset Deadline { get; } = deadline;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>The headers of the runtime's <c>/response</c> or <c>/error</c> request, as they arrived.</summary>
    public IReadOnlyDictionary<string, string> ResultRequestHeaders { get; private set; } = new Dictionary<string, string>();

    public Task<ResponseHead> Head => _head.Task;

    public Task<ResponseTail> Tail => _tail.Task;

    /// <summary>Completes when every extension subscribed to INVOKE called event/next after receiving this invocation.</summary>
    public Task ExtensionsIdle => _extensionsIdle.Task;

    public long ExtensionsIdleTimestamp { get; private set; }

    /// <summary>Completes when the runtime called <c>/next</c> after answering: its side of the invoke phase is over.</summary>
    public Task RuntimeReleased => _runtimeReleased.Task;

    public void MarkRuntimeReleased() => _runtimeReleased.TrySetResult();

    public bool IsCompleted => Volatile.Read(ref _state) == Completed;

    /// <summary>Body chunks as they arrive, for a caller that streams; must be called before dispatch.</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Subscribe()
    {
        _subscriber = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(new UnboundedChannelOptions { SingleReader = true });
        return _subscriber.Reader;
    }

    public void RecordResultRequestHeaders(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers) =>
        ResultRequestHeaders = headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public bool TryBeginResponse(ResponseHead head)
    {
        if (Interlocked.CompareExchange(ref _state, Responding, Pending) != Pending) return false;
        _head.TrySetResult(head);
        return true;
    }

    public void AppendBody(ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            if (_state != Responding) return;
            _body.Write(chunk);
            _subscriber?.Writer.TryWrite(chunk.ToArray());
        }
    }

    public void CompleteResponse(ResponseTail tail)
    {
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _state, Completed) == Completed) return;
            _subscriber?.Writer.TryComplete();
        }
        _tail.TrySetResult(tail);
    }

    /// <summary>Ends the invocation with an error of the platform (timeout, crash): the whole body when nothing was
    /// answered yet, otherwise the error goes into the stream's trailers.</summary>
    public void FailByPlatform(string errorType, string message, long timestamp)
    {
        var body = JsonBodies.Error(errorType, message);
        if (TryBeginResponse(new ResponseHead(false, ContentTypes.Json, ErrorTypes.Unhandled, errorType)))
        {
            AppendBody(body);
            CompleteResponse(new ResponseTail(null, null, timestamp));
        }
        else
        {
            CompleteResponse(new ResponseTail(errorType, Convert.ToBase64String(body), timestamp));
        }
    }

    public byte[] BodyBytes()
    {
        lock (_gate) return _body.ToArray();
    }

    public void ExpectExtensions(int count, long timestamp)
    {
        _pendingExtensions = count;
        if (count == 0) MarkExtensionsIdle(timestamp);
    }

    public void AcknowledgeExtension(long timestamp)
    {
        if (Interlocked.Decrement(ref _pendingExtensions) == 0) MarkExtensionsIdle(timestamp);
    }

    private void MarkExtensionsIdle(long timestamp)
    {
        ExtensionsIdleTimestamp = timestamp;
        _extensionsIdle.TrySetResult();
    }
}
