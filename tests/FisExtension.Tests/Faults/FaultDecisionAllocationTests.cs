using System.Collections.Immutable;
using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

/// <summary>
/// The fault decision runs for every invocation of every function the layer is attached to; while no fault is
/// active it must not allocate, so it adds no garbage-collection work to a healthy function.
/// </summary>
public sealed class FaultDecisionAllocationTests
{
    private const int Decisions = 10_000;

    [Fact]
    public void NoFault_DecisionAllocatesNothing() =>
        Assert.Equal(0, AllocatedBytes(FaultSnapshot.Empty, TestFaults.T0));

    [Fact]
    public void TenFaultsNoneActiveYet_DecisionAllocatesNothing()
    {
        var later = TestFaults.T0.AddMinutes(5);
        var snapshot = new FaultSnapshot(Enumerable.Range(0, 10)
            .Select(i => i % 2 == 0
                ? TestFaults.Delay($"EXP{i}-delay.json", later, later.AddMinutes(5))
                : TestFaults.Error($"EXP{i}-error.json", later, later.AddMinutes(5)))
            .ToImmutableArray());

        Assert.Equal(0, AllocatedBytes(snapshot, TestFaults.T0));
    }

    [Fact]
    public void ActiveFault_IsStillDecided_SoTheMeasurementSeesTheRealPath()
    {
        var snapshot = new FaultSnapshot([TestFaults.Delay("EXP1-delay.json", TestFaults.T0, TestFaults.T0.AddMinutes(5))]);

        Assert.NotNull(new FaultPlanner(new SeededRandomSource(1)).Plan(snapshot, TestFaults.T0.AddMinutes(1)).DelayFault);
    }

    private static long AllocatedBytes(FaultSnapshot snapshot, DateTimeOffset now)
    {
        var planner = new FaultPlanner(new SeededRandomSource(1));
        Assert.True(planner.Plan(snapshot, now).IsEmpty);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decisions; i++)
        {
            planner.Plan(snapshot, now);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
