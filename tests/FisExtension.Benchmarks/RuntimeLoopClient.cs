using System.Diagnostics;
using System.Net;

namespace FisExtension.Benchmarks;

/// <summary>
/// Plays the runtime: <c>GET /next</c>, then <c>POST /{id}/response</c>. Direct and proxied instances are built by
/// the same code with the same handler settings, so only the address differs.
/// </summary>
internal sealed class RuntimeLoopClient : IDisposable
{
    private readonly HttpClient _http;

    public RuntimeLoopClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromHours(1),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ActivityHeadersPropagator = null,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}"),
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Failed pairs so far (wrong status, missing request id, exception); they are not timed.</summary>
    public int Errors { get; private set; }

    /// <summary>The first failure, to report what went wrong.</summary>
    public string? FirstError { get; private set; }

    /// <summary>One GET+POST pair; returns its duration in microseconds, or null when it failed or was cancelled.</summary>
    public async Task<double?> RunPairAsync(byte[] responseBody, CancellationToken cancellationToken = default) =>
        (await RunInvocationAsync(responseBody, cancellationToken))?.PairMicroseconds;

    /// <summary>One GET+POST pair with its request id and the <c>/next</c> alone timed too; null when it failed or was cancelled.</summary>
    public async Task<InvocationTiming?> RunInvocationAsync(byte[] responseBody, CancellationToken cancellationToken = default)
    {
        try
        {
            var start = Stopwatch.GetTimestamp();
            string requestId;
            long eventRead;
            using (var next = await _http.GetAsync(RuntimeApiPaths.Next, cancellationToken))
            {
                _ = await next.Content.ReadAsByteArrayAsync(cancellationToken);
                eventRead = Stopwatch.GetTimestamp();
                if (next.StatusCode != HttpStatusCode.OK || !next.Headers.TryGetValues("Lambda-Runtime-Aws-Request-Id", out var ids))
                {
                    return Fail($"GET /next answered {(int)next.StatusCode} without a request id");
                }

                requestId = ids.First();
            }

            using var content = new ByteArrayContent(responseBody);
            using var response = await _http.PostAsync($"{RuntimeApiPaths.Invocation}{requestId}/response", content, cancellationToken);
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var end = Stopwatch.GetTimestamp();
            return response.StatusCode == HttpStatusCode.Accepted
                ? new InvocationTiming(requestId, Elapsed.Microseconds(start, eventRead), Elapsed.Microseconds(start, end))
                : Fail($"POST /response answered {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return Fail($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>One invocation whose handler failed, reported as runtime clients do: <c>GET /next</c>, then
    /// <c>POST /{id}/error</c> with the error type header (one Kestrel does not know) and a JSON body; false when it failed.</summary>
    public async Task<bool> RunHandlerErrorAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            string requestId;
            using (var next = await _http.GetAsync(RuntimeApiPaths.Next, cancellationToken))
            {
                _ = await next.Content.ReadAsByteArrayAsync(cancellationToken);
                if (next.StatusCode != HttpStatusCode.OK || !next.Headers.TryGetValues("Lambda-Runtime-Aws-Request-Id", out var ids))
                {
                    return Failed($"GET /next answered {(int)next.StatusCode} without a request id");
                }

                requestId = ids.First();
            }

            using var error = new HttpRequestMessage(HttpMethod.Post, $"{RuntimeApiPaths.Invocation}{requestId}/error")
            {
                Content = new StringContent("""{"errorMessage":"handler failed","errorType":"Error","stackTrace":[]}""", System.Text.Encoding.UTF8, "application/json"),
            };
            error.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.UnhandledPromiseRejection");
            using var response = await _http.SendAsync(error, cancellationToken);
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.Accepted || Failed($"POST /error answered {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return Failed($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private InvocationTiming? Fail(string error)
    {
        Failed(error);
        return null;
    }

    private bool Failed(string error)
    {
        Errors++;
        FirstError ??= error;
        return false;
    }
}
