using Amazon.Runtime;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>Gives the S3 client an HttpClient that counts the requests that really go out on the socket.</summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    private int _lists;
    private int _gets;

    public int Lists => Volatile.Read(ref _lists);

    public int Gets => Volatile.Read(ref _gets);

    public int Total => Lists + Gets;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new CountingHandler(this, new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }));

    private sealed class CountingHandler(CountingHttpClientFactory counts, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.Query.Contains("list-type=2", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref counts._lists);
            }
            else
            {
                Interlocked.Increment(ref counts._gets);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
