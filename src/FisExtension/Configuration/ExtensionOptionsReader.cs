using System.Globalization;
using FisExtension.Launcher;
using Microsoft.Extensions.Logging;

namespace FisExtension.Configuration;

/// <summary>
/// Builds <see cref="ExtensionOptions"/> from environment variables. An invalid value never stops the
/// extension: the default is kept and the problem is returned, to be logged once (fail open).
/// </summary>
internal static class ExtensionOptionsReader
{
    public static (ExtensionOptions Options, IReadOnlyList<string> Problems) Read(Func<string, string?> environment)
    {
        var problems = new List<string>();
        string? Get(string name) => EnvironmentValue.Get(environment, name);

        var runtimeApi = Get(EnvironmentVariables.RuntimeApi) ?? "";
        var options = new ExtensionOptions
        {
            RuntimeApi = runtimeApi,
            UpstreamRuntimeApi = Get(EnvironmentVariables.ProxyRuntimeApiEndpoint) ?? runtimeApi,
            ConfigurationLocation = Get(EnvironmentVariables.ConfigurationLocation),
            FunctionName = Get(EnvironmentVariables.FunctionName) ?? "",
            S3 = S3Connection.FromEnvironment(environment),
            LogFormat = string.Equals(Get(EnvironmentVariables.LogFormat), LaunchEnvironment.JsonLogFormat, StringComparison.OrdinalIgnoreCase)
                ? LogFormat.Json
                : LogFormat.Text,
        };

        // The launcher and the wrapper read the port by the same rule, so all three agree on it.
        if (ProxyPort.Read(environment) is { } port)
        {
            options = options with { ListenerPort = port };
        }
        else
        {
            problems.Add($"{EnvironmentVariables.ProxyListenerPort}={environment(EnvironmentVariables.ProxyListenerPort)} is not a port: one to five digits from 1024 to 65535. Using the default.");
        }

        options = options with
        {
            LogLevel = ReadLogLevel(Get(EnvironmentVariables.LogLevel), problems),
            MetricsEnabled = ReadMetrics(Get(EnvironmentVariables.ExtensionMetrics), problems),
            SlowPollInterval = ReadSlowPollInterval(Get(EnvironmentVariables.SlowPollIntervalSeconds), problems),
            HotPollInterval = ReadSeconds(Get(EnvironmentVariables.HotPollIntervalSeconds), EnvironmentVariables.HotPollIntervalSeconds, 1, 3600, problems)
                ?? ExtensionOptions.Defaults.HotPollInterval,
            PollMaxWait = ReadInt(Get(EnvironmentVariables.PollMaxWaitMilliseconds), EnvironmentVariables.PollMaxWaitMilliseconds, 0, 900_000, problems) is { } ms
                ? TimeSpan.FromMilliseconds(ms)
                : TimeSpan.Zero,
            RandomSeed = ReadInt(Get(EnvironmentVariables.RandomSeed), EnvironmentVariables.RandomSeed, int.MinValue, int.MaxValue, problems),
        };

        if (runtimeApi.Length == 0)
        {
            problems.Add($"{EnvironmentVariables.RuntimeApi} is not set. The extension runs only inside Lambda or the local emulator, which set it.");
        }

        return (options, problems);
    }

    private static TimeSpan ReadSlowPollInterval(string? value, List<string> problems)
    {
        var seconds = ReadSeconds(value, EnvironmentVariables.SlowPollIntervalSeconds, 1, 86_400, problems);
        if (seconds is null)
        {
            return ExtensionOptions.Defaults.SlowPollInterval;
        }

        // AWS ignores values under 20 s (fis-lambda-actions.md §2); so do we, but say so.
        if (seconds < ExtensionOptions.Defaults.MinimumSlowPollInterval)
        {
            problems.Add($"{EnvironmentVariables.SlowPollIntervalSeconds}={value} is under 20. Using 20 seconds, the lowest allowed.");
            return ExtensionOptions.Defaults.MinimumSlowPollInterval;
        }

        return seconds.Value;
    }

    private static TimeSpan? ReadSeconds(string? value, string name, int min, int max, List<string> problems) =>
        ReadInt(value, name, min, max, problems) is { } s ? TimeSpan.FromSeconds(s) : null;

    private static int? ReadInt(string? value, string name, int min, int max, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        // Plain digits (and a minus sign) only, read exactly as the wrapper script reads the port.
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && !value.StartsWith('+') && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        problems.Add($"{name}={value} is not a whole number from {min} to {max}. Using the default.");
        return null;
    }

    private static LogLevel ReadLogLevel(string? value, List<string> problems)
    {
        switch (value?.ToUpperInvariant())
        {
            case null:
            case "INFO":
                return LogLevel.Information;
            case "WARN":
                return LogLevel.Warning;
            case "ERROR":
                return LogLevel.Error;
            case "DEBUG":
                return LogLevel.Debug;
            default:
                problems.Add($"{EnvironmentVariables.LogLevel}={value} is not one of INFO, WARN, ERROR. Using INFO.");
                return LogLevel.Information;
        }
    }

    private static bool ReadMetrics(string? value, List<string> problems)
    {
        switch (value?.ToUpperInvariant())
        {
            case null:
            case "NONE":
                return false;
            case "ALL":
                return true;
            default:
                problems.Add($"{EnvironmentVariables.ExtensionMetrics}={value} is not 'all' or 'none'. Using 'none'.");
                return false;
        }
    }
}
