using System.Text;
using FisExtension.Experiments.LambdaApi;

namespace FisExtension.Experiments.Load;

/// <summary>
/// Synchronous invocations through Lambda's Invoke API, asking for the log tail (<c>X-Amz-Log-Type: Tail</c>) so the
/// extension's own lines tell which fault action hit each invocation (lambda-apis.md, Invoke).
/// </summary>
public sealed class InvokeLoadTarget(HttpClient http, Uri endpoint, string function, string? payload) : ILoadTarget
{
    public string NameOf(int sequence) => function;

    public async Task<LoadResponse> SendAsync(int sequence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, LambdaApiPaths.Invocations(function)))
        {
            Content = new StringContent(payload ?? "{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(LambdaApiHeaders.LogType, LambdaApiHeaders.LogTypeTail);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var functionError = response.Headers.TryGetValues(LambdaApiHeaders.FunctionError, out var errors) ? errors.FirstOrDefault() : null;
        var tail = response.Headers.TryGetValues(LambdaApiHeaders.LogResult, out var logs) ? logs.FirstOrDefault() : null;
        return new LoadResponse(function, (int)response.StatusCode, functionError, ExtensionLogTail.FaultActions(tail));
    }
}
