using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using FisExtension.Faults;

namespace FisExtension.MicroBenchmarks;

/// <summary>
/// The per-invocation fault decision with none, one and ten faults in the snapshot, active or not. With no active
/// fault it must allocate nothing: it runs for every invocation of every function the layer is attached to.
/// </summary>
[MemoryDiagnoser]
public class FaultDecisionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);
    private FaultPlanner _planner = null!;
    private FaultSnapshot _snapshot = null!;

    [Params(0, 1, 10)]
    public int Faults { get; set; }

    [Params(true, false)]
    public bool Active { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _planner = new FaultPlanner(new SeededRandomSource(42));
        var start = Active ? Now.AddMinutes(-1) : Now.AddMinutes(1);
        _snapshot = new FaultSnapshot(Enumerable.Range(0, Faults).Select(i => Fault(i, start)).ToImmutableArray());
    }

    [Benchmark]
    public object Decide() => _planner.Plan(_snapshot, Now);

    private static FaultDefinition Fault(int index, DateTimeOffset start) => new()
    {
        Key = $"FisConfigs/bench/EXP{index}-action.json",
        ExperimentId = $"EXP{index}",
        ActionName = "action",
        ActionId = index % 2 == 0 ? "aws:lambda:invocation-add-delay" : "aws:lambda:invocation-error",
        Kind = index % 2 == 0 ? FaultKind.StartDelay : FaultKind.InvocationError,
        StartTime = start.AddSeconds(index),
        EndTime = start.AddMinutes(10),
        InvocationPercentage = 50,
    };
}
