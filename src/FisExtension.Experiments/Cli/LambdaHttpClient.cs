using FisExtension.Experiments.LambdaApi;

namespace FisExtension.Experiments.Cli;

/// <summary>The HTTP client for the Lambda API: SigV4-signed with the environment's credentials and region.</summary>
public static class LambdaHttpClient
{
    public static HttpClient Create(FisctlServices services)
    {
        var region = services.GetEnvironmentVariable(AwsEnvironmentVariables.Region) is { Length: > 0 } r ? r
            : services.GetEnvironmentVariable(AwsEnvironmentVariables.DefaultRegion) is { Length: > 0 } d ? d
            : AwsEnvironmentVariables.FallbackRegion;
        var credentials = AwsAccessKeys.FromEnvironment(services.GetEnvironmentVariable);
        var handler = new SigV4SigningHandler(credentials, region, LambdaApiPaths.SigningService, services.Time, services.CreateHttpHandler());
        return new HttpClient(handler) { Timeout = FisctlDefaults.RequestTimeout };
    }
}
