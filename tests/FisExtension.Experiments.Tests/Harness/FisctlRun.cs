using FisExtension.Experiments.Cli;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Runs fisctl in-process with a fixed clock, seed and environment, capturing what it prints.</summary>
public sealed record FisctlRun(int ExitCode, string Out, string Error)
{
    public const string ExperimentId = "EXPtest1";

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<string> OutLines => Out.Split(Environment.NewLine);

    public static async Task<FisctlRun> RunAsync(string[] args, int seed = 1234, Dictionary<string, string>? environment = null, CancellationToken stop = default, TimeProvider? time = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var services = new FisctlServices
        {
            Time = time ?? new FakeTimeProvider(Now),
            Seeds = new FixedSeedSource(seed),
            ExperimentIds = new FixedExperimentId(ExperimentId),
            GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
            Out = output,
            Error = error,
            CreateHttpHandler = () => new SocketsHttpHandler(),
        };

        var exitCode = await FisctlCommandLine.RunAsync(args, services, stop);
        return new FisctlRun(exitCode, output.ToString(), error.ToString());
    }
}
