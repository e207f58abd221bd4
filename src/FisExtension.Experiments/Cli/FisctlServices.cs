using FisExtension.Experiments.Running;
using FisExtension.Experiments.Targeting;

namespace FisExtension.Experiments.Cli;

/// <summary>Everything fisctl takes from the outside world, so tests can run it in-process with a fake clock and seed.</summary>
public sealed record FisctlServices
{
    public required TimeProvider Time { get; init; }

    public required ISeedSource Seeds { get; init; }

    public required IExperimentIdSource ExperimentIds { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>The innermost HTTP handler; requests are signed on top of it.</summary>
    public required Func<HttpMessageHandler> CreateHttpHandler { get; init; }

    /// <summary>Recorded with a running experiment, so <c>stop</c> can signal it; <c>stop</c> never signals its own process.</summary>
    public int ProcessId { get; init; } = Environment.ProcessId;

    public static FisctlServices FromProcess() => new()
    {
        Time = TimeProvider.System,
        Seeds = new CryptoSeedSource(),
        ExperimentIds = new RandomExperimentIdSource(),
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        Out = Console.Out,
        Error = Console.Error,
        CreateHttpHandler = () => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false },
    };
}
