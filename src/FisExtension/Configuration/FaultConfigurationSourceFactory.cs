using FisExtension.Contract.S3;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Configuration;

/// <summary>
/// Builds the fault snapshot source from the options. Without a location, or with one that cannot be used, the
/// source never has a fault and one log line says why and how to fix it (fail open).
/// </summary>
internal static class FaultConfigurationSourceFactory
{
    public static IFaultConfigurationSource Create(ExtensionOptions options, ILoggerFactory loggerFactory, TimeProvider time, IPollObserver? observer = null)
    {
        var logger = loggerFactory.CreateLogger<FaultConfigurationPoller>();
        var store = CreateStore(options, logger, time);
        return store is null
            ? new DisabledFaultConfigurationSource()
            : new FaultConfigurationPoller(store, options, time, logger, observer);
    }

    private static IFaultConfigurationStore? CreateStore(ExtensionOptions options, ILogger logger, TimeProvider time)
    {
        if (options.ConfigurationLocation is not { } value)
        {
            Log.ConfigurationLocationMissing(logger, EnvironmentVariables.ConfigurationLocation);
            return null;
        }

        if (!ConfigurationLocationParser.TryParse(value, out var location, out var problem))
        {
            Log.ConfigurationLocationInvalid(logger, EnvironmentVariables.ConfigurationLocation, problem);
            return null;
        }

        if (options.FunctionName.Length == 0)
        {
            Log.ConfigurationLocationInvalid(logger, EnvironmentVariables.ConfigurationLocation,
                $"{EnvironmentVariables.FunctionName} is not set, so the function's prefix is unknown. Lambda sets it; set it for local runs.");
            return null;
        }

        switch (location)
        {
            case DirectoryConfigurationLocation directory:
                return new DirectoryFaultConfigurationStore(directory, options.FunctionName);
            case S3ConfigurationLocation s3:
                try
                {
                    return new S3FaultConfigurationStore(new S3RestClient(options.S3, time), s3, options.FunctionName);
                }
                catch (ArgumentException exception)
                {
                    Log.ConfigurationLocationInvalid(logger, EnvironmentVariables.ConfigurationLocation,
                        $"the S3 client could not be created ({exception.Message}). Check {EnvironmentVariables.Region}, {EnvironmentVariables.EndpointUrlS3} and {EnvironmentVariables.EndpointUrl}.");
                    return null;
                }

            default:
                return null;
        }
    }
}
