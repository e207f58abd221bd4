namespace FisExtension.Benchmarks;

/// <summary>One <c>POST /extension/register</c> seen by the fake API, stamped on arrival with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>.</summary>
internal sealed record Registration(string ExtensionId, string ExtensionName, long ArrivedTimestamp);
