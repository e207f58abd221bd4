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
