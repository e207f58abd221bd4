using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FisExtension.ExtensionsApi;

/// <summary>Talks to the Extensions API at the <b>original</b> Runtime API endpoint, never through a proxy.</summary>
internal sealed class ExtensionsApiClient(HttpMessageInvoker http, string runtimeApi)
{
    private static readonly string[] SubscribedEvents = [ExtensionEvent.Invoke, ExtensionEvent.Shutdown];

    /// <summary>Registers for INVOKE and SHUTDOWN and returns the extension identifier.</summary>
    public async Task<string> RegisterAsync(string extensionName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(ExtensionsApiPaths.Register))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new RegisterRequest(SubscribedEvents), ExtensionsApiJsonContext.Default.RegisterRequest)),
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

    /// <summary>Reports a failure of the extension that Lambda should know about (<c>exit/error</c>).</summary>
    public async Task ReportExitErrorAsync(string extensionId, string errorType, string message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(ExtensionsApiPaths.ExitError))
        {
            Content = new StringContent(ErrorBody(errorType, message), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(ExtensionsApiHeaders.Identifier, extensionId);
        request.Headers.Add(ExtensionsApiHeaders.FunctionErrorType, errorType);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string ErrorBody(string errorType, string message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", errorType);
            json.WriteStartArray("stackTrace");
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private Uri Url(string path) => new($"http://{runtimeApi}{path}");
}
