using FisExtension.Faults;
using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>What the proxy needs to inject faults, composed once in <c>Program.cs</c>: where faults come from, the
/// source of chance, the clock, and where injections are reported.</summary>
internal sealed record FaultInjection(IFaultSnapshotSource Faults, FaultPlanner Planner, TimeProvider Time, FaultTelemetry Telemetry);
