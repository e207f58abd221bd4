using FisExtension.Experiments.Cli;
using FisExtension.Experiments.State;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Runs fisctl in-process with a fixed clock, seed and environment, capturing what it prints (and, in
/// <see cref="OutTimeline"/>, when by the system clock).</summary>
public sealed record FisctlRun(int ExitCode, string Out, string Error, IReadOnlyList<(DateTimeOffset At, string Line)> OutTimeline)
{
    public const string ExperimentId = "EXPtest1";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<string> OutLines => Out.Split(Environment.NewLine);

    public static async Task<FisctlRun> RunAsync(string[] args, int seed = 1234, Dictionary<string, string>? environment = null, CancellationToken stop = default, TimeProvider? time = null, int? processId = null)
    {
        // Each run records its experiments in a folder of its own unless the test shares one (stop, list, status).
        var ownState = environment?.ContainsKey(ExperimentStateFolder.StateDirectoryVariable) == true ? null : Directory.CreateTempSubdirectory("fisctl-state-").FullName;
        using var output = new TimestampedStringWriter(TimeProvider.System);
        using var error = new StringWriter();
        var services = new FisctlServices
        {
            Time = time ?? new FakeTimeProvider(Now),
            Seeds = new FixedSeedSource(seed),
            ExperimentIds = new FixedExperimentId(ExperimentId),
            GetEnvironmentVariable = name => name == ExperimentStateFolder.StateDirectoryVariable && ownState is not null ? ownState : environment?.GetValueOrDefault(name),
            Out = output,
            Error = error,
            CreateHttpHandler = () => new SocketsHttpHandler(),
            ProcessId = processId ?? System.Environment.ProcessId,
        };

        try
        {
            var exitCode = await FisctlCommandLine.RunAsync(args, services, stop);
            return new FisctlRun(exitCode, output.ToString(), error.ToString(), output.Lines);
        }
        finally
        {
            if (ownState is not null)
            {
                Directory.Delete(ownState, recursive: true);
            }
        }
    }
}
