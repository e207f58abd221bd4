using System.Collections.Concurrent;
using System.Threading.Channels;
using FisExtension.Emulator.Logging;
using FisExtension.Emulator.Processes;

namespace FisExtension.Emulator.Lifecycle;

/// <summary>One life of the sandbox, from init to shutdown: its processes, its registered extensions, its invocations.
/// A reset throws it away; the next invoke builds a new one.</summary>
internal sealed partial class ExecutionEnvironment(
    FunctionDefinition function, EmulatorOptions options, string runtimeApiAddress, LogCollector log, IdGenerator ids)
{
    private readonly ConcurrentDictionary<string, ExtensionSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<ExtensionSession>> _expectedRegistrations = new(StringComparer.Ordinal);
    private readonly List<FunctionProcess> _extensionProcesses = [];
    private readonly TaskCompletionSource<int> _runtimeExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _runtimeCalledNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InitFailure> _initFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _shutdownStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Invocation> _runtimeQueue = Channel.CreateUnbounded<Invocation>();
    private readonly ConcurrentDictionary<string, Invocation> _invocations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private FunctionProcess? _runtime;
    private int _initDurationReported;
    private volatile EnvironmentState _state = EnvironmentState.Initializing;

    public EnvironmentState State => _state;

    /// <summary>Set when an extension crashed or reported exit/error: the next invoke must re-initialise.</summary>
    public bool NeedsReset { get; private set; }

    public TimeSpan InitDuration { get; private set; }

    public string LogStreamName { get; } = $"{options.TimeProvider.GetUtcNow():yyyy/MM/dd}/[{function.Version}]{ids.NewId().Replace("-", "", StringComparison.Ordinal)}";

    public IReadOnlyList<ExtensionInfo> Extensions => [.. _sessions.Values.Select(s => s.Info).OrderBy(i => i.RegisteredAt)];

    private TimeProvider Time => options.TimeProvider;

    public bool TryGetInvocation(string requestId, out Invocation invocation) => _invocations.TryGetValue(requestId, out invocation!);

    public bool TryGetSession(string extensionId, out ExtensionSession session) => _sessions.TryGetValue(extensionId, out session!);

    /// <summary>The init duration, once: REPORT shows it on the first invoke after init only.</summary>
    public TimeSpan? TakeInitDurationForReport() =>
        Interlocked.Exchange(ref _initDurationReported, 1) == 0 ? InitDuration : null;

    public void MarkNeedsReset() => NeedsReset = true;

    private long Now() => Time.GetTimestamp();

    private IReadOnlyCollection<int> ProcessGroups()
    {
        lock (_gate)
        {
            var groups = _extensionProcesses.Select(p => p.ProcessGroupId).ToList();
            if (_runtime is not null) groups.Add(_runtime.ProcessGroupId);
            return groups;
        }
    }
}
