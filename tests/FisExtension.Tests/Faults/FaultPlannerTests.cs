using System.Collections.Immutable;
using FisExtension.Faults;
using static FisExtension.Tests.Faults.TestFaults;

namespace FisExtension.Tests.Faults;

public sealed class FaultPlannerTests
{
    private static readonly DateTimeOffset End = T0.AddMinutes(5);

    [Fact]
    public void ActiveDelay_IsPlannedWithItsDuration()
    {
        var delay = Delay("delay", T0, End, milliseconds: 2500);

        var plan = Plan(Snapshot(delay), T0.AddMinutes(1), draws: 50);

        Assert.Same(delay, plan.DelayFault);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), plan.Delay);
        Assert.Null(plan.OverrideFault);
        Assert.False(plan.PreventExecution);
        Assert.False(plan.IsEmpty);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ActiveInvocationError_IsPlannedAsTheOverride_WithItsPreventExecution(bool preventExecution)
    {
        var error = Error("error", T0, End, preventExecution: preventExecution);

        var plan = Plan(Snapshot(error), T0.AddMinutes(1), draws: 50);

        Assert.Same(error, plan.OverrideFault);
        Assert.Equal(preventExecution, plan.PreventExecution);
        Assert.Null(plan.DelayFault);
        Assert.Equal(TimeSpan.Zero, plan.Delay);
        Assert.False(plan.IsEmpty);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ActiveHttpResponse_IsPlannedAsTheOverride_WithItsPreventExecution(bool preventExecution)
    {
        var http = Http("http", T0, End, statusCode: 429, preventExecution: preventExecution);

        var plan = Plan(Snapshot(http), T0.AddMinutes(1), draws: 50);

        Assert.Same(http, plan.OverrideFault);
        Assert.Equal(preventExecution, plan.PreventExecution);
        Assert.Null(plan.DelayFault);
    }

    [Fact]
    public void HundredPercent_HitsEvenOnTheHighestDraw()
    {
        var error = Error("error", T0, End, percentage: 100);

        var plan = Plan(Snapshot(error), T0, draws: Math.BitDecrement(100.0));

        Assert.Same(error, plan.OverrideFault);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void ZeroPercent_MissesEvenOnTheLowestDraw_AndIsReportedSkipped()
    {
        var delay = Delay("delay", T0, End, percentage: 0);

        var plan = Plan(Snapshot(delay), T0, draws: 0);

        Assert.True(plan.IsEmpty);
        Assert.Equal<FaultDefinition>([delay], plan.Skipped);
    }

    [Theory]
    [InlineData(24.999, true)]
    [InlineData(25.0, false)]
    [InlineData(80.0, false)]
    public void Percentage_HitsOnlyWhenTheDrawIsBelowIt(double draw, bool hits)
    {
        var delay = Delay("delay", T0, End, percentage: 25);

        var plan = Plan(Snapshot(delay), T0, draws: draw);

        Assert.Equal(hits ? delay : null, plan.DelayFault);
        Assert.Equal<FaultDefinition>(hits ? [] : [delay], plan.Skipped);
    }

    [Fact]
    public void DelayAndError_BothApply_ForTheSameInvocation()
    {
        var delay = Delay("delay", T0, End, milliseconds: 300);
        var error = Error("error", T0.AddMinutes(1), End, preventExecution: true);

        var plan = Plan(Snapshot(error, delay), T0.AddMinutes(2), draws: [10, 10]);

        Assert.Same(delay, plan.DelayFault);
        Assert.Same(error, plan.OverrideFault);
        Assert.True(plan.PreventExecution);
    }

    [Fact]
    public void DelayAndError_DrawIndependently_DelayFirst()
    {
        var delay = Delay("delay", T0, End, percentage: 50);
        var error = Error("error", T0, End, percentage: 50);
        var random = new ScriptedRandomSource(70, 30);

        var plan = new FaultPlanner(random).Plan(Snapshot(delay, error), T0);

        Assert.Null(plan.DelayFault);
        Assert.Same(error, plan.OverrideFault);
        Assert.Equal<FaultDefinition>([delay], plan.Skipped);
        Assert.Equal(2, random.DrawCount);
    }

    [Fact]
    public void FaultNotYetStarted_IsIgnored()
    {
        var delay = Delay("delay", T0.AddMinutes(1), End);

        var plan = new FaultPlanner(new ScriptedRandomSource()).Plan(Snapshot(delay), T0.AddMinutes(1).AddTicks(-1));

        Assert.Same(FaultPlan.None, plan);
    }

    [Fact]
    public void FaultAtItsEndTime_IsIgnored()
    {
        var error = Error("error", T0, End);

        var plan = new FaultPlanner(new ScriptedRandomSource()).Plan(Snapshot(error), End);

        Assert.Same(FaultPlan.None, plan);
    }

    [Fact]
    public void FaultAtItsStartTime_Applies()
    {
        var error = Error("error", T0, End);

        var plan = Plan(Snapshot(error), T0, draws: 0);

        Assert.Same(error, plan.OverrideFault);
    }

    [Fact]
    public void EmptySnapshot_PlansNothing_WithoutDrawing()
    {
        var random = new ScriptedRandomSource();

        var plan = new FaultPlanner(random).Plan(FaultSnapshot.Empty, T0);

        Assert.Same(FaultPlan.None, plan);
        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.Skipped);
        Assert.Equal(0, random.DrawCount);
    }

    [Fact]
    public void ErrorAndHttpResponse_Conflict_EarliestStartWins_LaterTakesOverAndEndsAtItsOwnTime()
    {
        // error: 10:00–10:05; http: 10:02–10:08.
        var error = Error("a-error", T0, T0.AddMinutes(5));
        var http = Http("b-http", T0.AddMinutes(2), T0.AddMinutes(8));
        var snapshot = Snapshot(http, error);

        var bothActive = Plan(snapshot, T0.AddMinutes(3), draws: 0);
        var afterErrorEnds = Plan(snapshot, T0.AddMinutes(5), draws: 0);
        var lastMoment = Plan(snapshot, T0.AddMinutes(8).AddTicks(-1), draws: 0);
        var afterHttpEnds = new FaultPlanner(new ScriptedRandomSource()).Plan(snapshot, T0.AddMinutes(8));

        Assert.Same(error, bothActive.OverrideFault);
        Assert.Same(http, afterErrorEnds.OverrideFault);
        Assert.Same(http, lastMoment.OverrideFault);
        Assert.Same(FaultPlan.None, afterHttpEnds);
    }

    [Fact]
    public void TwoDelays_AreIdentical_EarliestStartWins_LaterTakesOverAndEndsAtItsOwnTime()
    {
        // short: 10:00–10:04 at 100 ms; long: 10:01–10:06 at 900 ms.
        var first = Delay("z-first", T0, T0.AddMinutes(4), milliseconds: 100);
        var second = Delay("a-second", T0.AddMinutes(1), T0.AddMinutes(6), milliseconds: 900);
        var snapshot = Snapshot(second, first);

        var bothActive = Plan(snapshot, T0.AddMinutes(2), draws: 0);
        var afterFirstEnds = Plan(snapshot, T0.AddMinutes(4), draws: 0);
        var afterSecondEnds = new FaultPlanner(new ScriptedRandomSource()).Plan(snapshot, T0.AddMinutes(6));

        Assert.Equal(TimeSpan.FromMilliseconds(100), bothActive.Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(900), afterFirstEnds.Delay);
        Assert.Same(FaultPlan.None, afterSecondEnds);
    }

    [Fact]
    public void ConflictingFaultsWithTheSameStart_TheSmallerKeyWins_WhateverTheOrder()
    {
        var error = Error("EXP1-inject-error", T0, End);
        var http = Http("EXP1-inject-http", T0, End);

        var oneOrder = Plan(Snapshot(error, http), T0, draws: 0);
        var otherOrder = Plan(Snapshot(http, error), T0, draws: 0);

        Assert.Same(error, oneOrder.OverrideFault);
        Assert.Same(error, otherOrder.OverrideFault);
    }

    [Fact]
    public void EarliestFaultMissingItsDraw_DoesNotLetTheConflictingOneApply()
    {
        var early = Error("early", T0, End, percentage: 50);
        var late = Http("late", T0.AddMinutes(1), End, percentage: 100);
        var random = new ScriptedRandomSource(60);

        var plan = new FaultPlanner(random).Plan(Snapshot(early, late), T0.AddMinutes(2));

        Assert.Null(plan.OverrideFault);
        Assert.Equal<FaultDefinition>([early], plan.Skipped);
        Assert.Equal(1, random.DrawCount);
    }

    [Fact]
    public void OnlyActiveFaultsCompete_AnEndedEarlierFaultDoesNotShadowTheCurrentOne()
    {
        var ended = Delay("ended", T0.AddMinutes(-10), T0.AddMinutes(-5), milliseconds: 100);
        var current = Delay("current", T0, End, milliseconds: 700);

        var plan = Plan(Snapshot(ended, current), T0, draws: 0);

        Assert.Same(current, plan.DelayFault);
    }

    private static FaultPlan Plan(FaultSnapshot snapshot, DateTimeOffset now, params double[] draws) =>
        new FaultPlanner(new ScriptedRandomSource(draws)).Plan(snapshot, now);

    private static FaultSnapshot Snapshot(params FaultDefinition[] faults) => new([.. faults]);
}
