using System.Text;
using BenchmarkDotNet.Attributes;
using FisExtension.Configuration;

namespace FisExtension.MicroBenchmarks;

/// <summary>Parsing and validating one configuration object, as each poll does for a new or changed ETag.</summary>
[MemoryDiagnoser]
public class ConfigurationParsingBenchmarks
{
    private static readonly ReadOnlyMemory<byte> Valid = Encoding.UTF8.GetBytes("""
        {"schemaVersion":1,"experimentId":"EXP7f3kQ2","actionName":"inject-delay","actionId":"aws:lambda:invocation-add-delay",
         "startTime":"2026-11-25T10:00:00Z","endTime":"2026-11-25T10:05:00Z",
         "parameters":{"duration":"PT5M","invocationPercentage":"100","startupDelayMilliseconds":"2000"}}
        """);

    private static readonly ReadOnlyMemory<byte> Misspelt = Encoding.UTF8.GetBytes("""
        {"schemaVersion":1,"experimentId":"EXP7f3kQ2","actionName":"fail","actionId":"aws:lambda:invocation-error",
         "startTime":"2026-11-25T10:00:00Z","endTime":"2026-11-25T10:05:00Z",
         "paramaters":{"invocationPercent":"10","preventExecution":"true"}}
        """);

    [Benchmark(Baseline = true)]
    public object ParseValid() => FaultObjectParser.Parse("FisConfigs/bench/EXP7f3kQ2-inject-delay.json", Valid);

    [Benchmark]
    public object ParseMisspelt() => FaultObjectParser.Parse("FisConfigs/bench/EXP7f3kQ2-fail.json", Misspelt);
}
