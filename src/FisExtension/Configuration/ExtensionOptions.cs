using Microsoft.Extensions.Logging;

namespace FisExtension.Configuration;

/// <summary>The extension's settings, read once at start-up from the environment.</summary>
internal sealed record ExtensionOptions
{
    /// <summary>The original Runtime API (<c>host:port</c>), where the extension registers. Set by Lambda.</summary>
    public required string RuntimeApi { get; init; }

    /// <summary>Where proxied Runtime API calls go. Defaults to <see cref="RuntimeApi"/>.</summary>
    public required string UpstreamRuntimeApi { get; init; }

    /// <summary>Port of the proxy listener on 127.0.0.1. Defaults to 9100.</summary>
    public int ListenerPort { get; init; } = Defaults.ListenerPort;

    /// <summary>The configuration location as given, or null when none is set (the extension then injects nothing).</summary>
    public string? ConfigurationLocation { get; init; }

    /// <summary>Lowest level written. Defaults to Information (<c>INFO</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Text or JSON, following <c>AWS_LAMBDA_LOG_FORMAT</c>. Defaults to text.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Whether EMF metric lines are written (<c>all</c>). Defaults to false (<c>none</c>).</summary>
    public bool MetricsEnabled { get; init; }

    /// <summary>Poll interval while no fault is active or pending. Defaults to 60 seconds.</summary>
    public TimeSpan SlowPollInterval { get; init; } = Defaults.SlowPollInterval;

    /// <summary>Poll interval while a fault is active or due. Defaults to 20 seconds, as AWS fixes it.</summary>
    public TimeSpan HotPollInterval { get; init; } = Defaults.HotPollInterval;

    /// <summary>How long an invocation may wait for an in-flight poll. Defaults to zero.</summary>
    public TimeSpan PollMaxWait { get; init; } = TimeSpan.Zero;

    /// <summary>Seed for the random source, for reproducible runs. Defaults to null (unseeded).</summary>
    public int? RandomSeed { get; init; }

    /// <summary>The function's name, which names its configuration sub-prefix and metric dimension.</summary>
    public string FunctionName { get; init; } = "";

    /// <summary>
    /// How to reach S3 (<c>AWS_REGION</c>, the endpoint, FIPS and dual-stack switches, and the credentials Lambda puts in
    /// the environment, never printed). Read only when the configuration location is in S3.
    /// </summary>
    public S3Connection S3 { get; init; } = new(null, null, null);

    public static class Defaults
    {
        public const int ListenerPort = FisExtension.Launcher.LaunchEnvironment.DefaultListenerPort;
        public static readonly TimeSpan SlowPollInterval = TimeSpan.FromSeconds(60);
        public static readonly TimeSpan HotPollInterval = TimeSpan.FromSeconds(20);
        public static readonly TimeSpan MinimumSlowPollInterval = TimeSpan.FromSeconds(20);
    }
}
