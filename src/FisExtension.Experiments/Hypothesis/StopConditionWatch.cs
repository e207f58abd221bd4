using FisExtension.Experiments.Load;
using FisExtension.Experiments.Report;

namespace FisExtension.Experiments.Hypothesis;

/// <summary>
/// Watches the load as answers come in: after each, every rule is judged over the requests sent in its last window
/// (once there are <see cref="StopRule.MinimumRequests"/>); the first breach is kept and cancels <see cref="Stop"/>,
/// which stops the experiment as Ctrl-C does: every object deleted at once.
/// </summary>
public sealed class StopConditionWatch(IReadOnlyList<StopRule> rules, TimeProvider time, CancellationToken userStop) : IDisposable
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(userStop);
    private readonly List<RequestRecord> _seen = [];
    private readonly Lock _gate = new();

    public CancellationToken Stop => _stop.Token;

    public StopConditionBreach? Breach { get; private set; }

    public void Observe(RequestRecord record)
    {
        if (rules.Count == 0)
        {
            return;
        }

        // Cancelled outside the lock: cancellation runs the stopped parts' callbacks on this thread.
        if (Judge(record))
        {
            _stop.Cancel();
        }
    }

    private bool Judge(RequestRecord record)
    {
        lock (_gate)
        {
            _seen.Add(record);
            if (Breach is not null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            foreach (var rule in rules)
            {
                var recent = _seen.Where(r => r.SentAt >= now - rule.Window && r.Failure != LoadGenerator.Skipped).ToList();
                if (recent.Count < StopRule.MinimumRequests || Metrics.Of(LoadStatistics.Of(recent), rule.Metric) is not { } value)
                {
                    continue;
                }

                var breached = rule.Operator switch
                {
                    "<" => value < rule.Threshold,
                    "<=" => value <= rule.Threshold,
                    ">" => value > rule.Threshold,
                    _ => value >= rule.Threshold,
                };
                if (breached)
                {
                    Breach = new StopConditionBreach(rule.Text, now, value, recent.Count);
                    return true;
                }
            }

            return false;
        }
    }

    public void Dispose() => _stop.Dispose();
}
