using FisExtension.Faults;
using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>What the proxy needs to inject faults, composed once in <c>Program.cs</c>: where faults come from, the
/// source of chance, the clock, where injections are reported, and the signal of completed polls that releases a
/// delay whose fault is gone.</summary>
internal sealed record FaultInjection(IFaultSnapshotSource Faults, FaultPlanner Planner, TimeProvider Time, FaultTelemetry Telemetry, PollCompletedSignal Polls);
