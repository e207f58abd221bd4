using System.Net.Http.Headers;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The test itself playing the runtime: GET /next and POST /response over real HTTP.</summary>
internal sealed class ExternalRuntime(string runtimeApiAddress) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = new Uri($"http://{runtimeApiAddress}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };

    public HttpClient Client => _client;

    public async Task<NextInvocation> NextAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _client.GetAsync("invocation/next", cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new NextInvocation(headers["Lambda-Runtime-Aws-Request-Id"], body, headers);
    }

    public Task<HttpResponseMessage> RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken = default) =>
        _client.PostAsync($"invocation/{requestId}/response", new ByteArrayContent(body), cancellationToken);

    public Task<HttpResponseMessage> ErrorAsync(string requestId, string errorType, string body, CancellationToken cancellationToken = default)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"invocation/{requestId}/error") { Content = content };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        return _client.SendAsync(request, cancellationToken);
    }

    /// <summary>Serves invocations until cancelled, answering each with <paramref name="handler"/>.</summary>
    public async Task ServeAsync(Func<NextInvocation, byte[]> handler, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = await NextAsync(cancellationToken);
                using var _ = await RespondAsync(next.RequestId, handler(next), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _client.Dispose();
}
