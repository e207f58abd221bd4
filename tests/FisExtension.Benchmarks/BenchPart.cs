namespace FisExtension.Benchmarks;

/// <summary>The parts of the run that <c>--only</c> can select.</summary>
[Flags]
internal enum BenchPart
{
    None = 0,
    Size = 1,
    Startup = 2,
    Memory = 4,
    Latency = 8,
    Delay = 16,
    Percentage = 32,
    Versus = 64,
    All = Size | Startup | Memory | Latency | Delay | Percentage | Versus,
}
