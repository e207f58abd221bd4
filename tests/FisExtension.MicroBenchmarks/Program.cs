using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// The hot in-process paths of the extension, one class each: `scripts/bench.sh --micro` runs them all,
// `MICRO_FILTER='*FaultDecision*' scripts/bench.sh --micro` one. In process: the extension's internals are
// reached through InternalsVisibleTo, which a separately generated benchmark project would not have.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(FisExtension.MicroBenchmarks.FaultDecisionBenchmarks).Assembly).Run(args, config);
