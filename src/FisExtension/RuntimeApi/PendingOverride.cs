using FisExtension.Faults;

namespace FisExtension.RuntimeApi;

/// <summary>An override decided when the event went to the runtime, waiting for the runtime's result.</summary>
internal sealed record PendingOverride(FaultDefinition Fault, HttpEventShape EventShape, DateTimeOffset Expires);
