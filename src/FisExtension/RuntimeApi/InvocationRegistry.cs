using System.Collections.Concurrent;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Overrides keyed by request id. Several invocations may be in flight at once (Lambda Managed Instances), so
/// there is no "current invocation": each result is paired with its own request id.
/// </summary>
internal sealed class InvocationRegistry
{
    private readonly ConcurrentDictionary<string, PendingOverride> _pending = new(StringComparer.Ordinal);

    public void Add(string requestId, PendingOverride pending, DateTimeOffset now)
    {
        // A runtime that crashed never posts its result; drop what is past its deadline so nothing accumulates.
        foreach (var (id, stale) in _pending)
        {
            if (stale.Expires < now)
            {
                _pending.TryRemove(id, out _);
            }
        }

        _pending[requestId] = pending;
    }

    public bool TryTake(string requestId, out PendingOverride pending) => _pending.TryRemove(requestId, out pending!);
}
