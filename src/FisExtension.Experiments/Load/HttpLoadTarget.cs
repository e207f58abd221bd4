using System.Text;

namespace FisExtension.Experiments.Load;

/// <summary>Plain HTTP requests (an API Gateway stage, the local front door), round-robin over the URLs.</summary>
public sealed class HttpLoadTarget(HttpClient http, IReadOnlyList<Uri> urls, HttpMethod method, string? body) : ILoadTarget
{
    public string NameOf(int sequence) => urls[sequence % urls.Count].ToString();

    public async Task<LoadResponse> SendAsync(int sequence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, urls[sequence % urls.Count]);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Latency includes the body, as a client sees it.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        return new LoadResponse(NameOf(sequence), (int)response.StatusCode, null, []);
    }
}
