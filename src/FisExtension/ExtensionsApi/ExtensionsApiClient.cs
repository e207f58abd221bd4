using System.Text;
using System.Text.Json;

namespace FisExtension.ExtensionsApi;

/// <summary>Talks to the Extensions API at the <b>original</b> Runtime API endpoint, never through a proxy.</summary>
internal sealed class ExtensionsApiClient(HttpMessageInvoker http, string runtimeApi)
{
    // Written by hand rather than serialized: the serializer's first use costs about 0.5 ms, and registration is on
    // every cold start's critical path (Lambda starts the runtime only once every extension has registered).
    private static readonly byte[] RegisterBody = Encoding.UTF8.GetBytes(ExtensionsApiEvents.RegisterBody);

    /// <summary>Registers for SHUTDOWN and returns the extension identifier.</summary>
    public async Task<string> RegisterAsync(string extensionName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(ExtensionsApiPaths.Register))
        {
            Content = new ByteArrayContent(RegisterBody),
        };
        request.Headers.Add(ExtensionsApiHeaders.Name, extensionName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"register answered {(int)response.StatusCode}: {body}");
        }

        return response.Headers.TryGetValues(ExtensionsApiHeaders.Identifier, out var values)
            ? values.First()
            : throw new HttpRequestException($"register answered without a {ExtensionsApiHeaders.Identifier} header");
    }

    /// <summary>Blocks until the next event; the process may be frozen meanwhile, so there is no timeout.</summary>
    public async Task<ExtensionEvent> NextEventAsync(string extensionId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(ExtensionsApiPaths.NextEvent));
        request.Headers.Add(ExtensionsApiHeaders.Identifier, extensionId);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, ExtensionsApiJsonContext.Default.ExtensionEvent, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("event/next answered null");
    }

    private Uri Url(string path) => new($"http://{runtimeApi}{path}");
}
