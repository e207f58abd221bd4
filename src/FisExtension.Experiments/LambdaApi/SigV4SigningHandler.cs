using FisExtension.Contract.Aws;

namespace FisExtension.Experiments.LambdaApi;

/// <summary>Signs every request with SigV4 at the injected clock's time; passes requests unsigned when there are no credentials.</summary>
public sealed class SigV4SigningHandler(AwsAccessKeys? credentials, string region, string service, TimeProvider time, HttpMessageHandler inner)
    : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (credentials is not null)
        {
            await SigV4Signer.SignAsync(request, credentials, region, service, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
