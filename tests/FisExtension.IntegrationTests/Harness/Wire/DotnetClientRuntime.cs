using System.Globalization;
using System.Text;

namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>
/// A runtime that behaves on the wire like the official .NET client, Amazon.Lambda.RuntimeSupport 2.x
/// (lambda-apis.md §5): one keep-alive connection for everything; results with <c>Content-Length</c> and
/// <c>Content-Type: application/json</c>; errors with the exception type in <c>Lambda-Runtime-Function-Error-Type</c>
/// and the X-Ray cause, up to 1 MiB, in <c>Lambda-Runtime-Function-XRay-Error-Cause</c>. The real client aborts the
/// process on any answer but 202 to a result, so a test asserts exactly that status.
/// </summary>
internal sealed class DotnetClientRuntime(WireConnection connection, string address) : IDisposable
{
    private const string UserAgent = "aws-lambda-dotnet/2.1.2";

    public static async Task<DotnetClientRuntime> ConnectAsync(string address) => new(await WireConnection.OpenAsync(address), address);

    public async Task<WireExchange> NextAsync()
    {
        var request = new HttpMessage(
            "GET /2018-06-01/runtime/invocation/next HTTP/1.1",
            [new("Host", address), new("User-Agent", UserAgent)],
            [],
            []);
        return new WireExchange(request, await connection.SendAsync(request));
    }

    public Task<WireExchange> PostResponseAsync(string requestId, byte[] body, IEnumerable<HeaderField>? extraHeaders = null) =>
        PostAsync($"/2018-06-01/runtime/invocation/{requestId}/response", body, [new("Content-Type", "application/json"), .. extraHeaders ?? []]);

    public Task<WireExchange> PostErrorAsync(string requestId, string errorType, byte[] body, HeaderField? xrayCause) =>
        PostAsync($"/2018-06-01/runtime/invocation/{requestId}/error", body,
        [
            new("Lambda-Runtime-Function-Error-Type", errorType),
            new("Content-Type", "application/vnd.aws.lambda.error+json"),
            .. xrayCause is null ? Array.Empty<HeaderField>() : [xrayCause],
        ]);

    /// <summary>The X-Ray cause the client builds from an exception: JSON with the message and stack, newlines stripped.</summary>
    public static HeaderField XRayCause(string message, int stackFrames) =>
        HeaderField.Utf8(
            "Lambda-Runtime-Function-XRay-Error-Cause",
            $"{{\"working_directory\":\"/var/task\",\"exceptions\":[{{\"type\":\"UserNotFoundException\",\"message\":\"{message}\",\"stack\":[{string.Join(",", Enumerable.Range(0, stackFrames).Select(i => $"{{\"label\":\"Handler.Frame{i}\",\"path\":\"Handler.cs\",\"line\":{i}}}"))}]}}],\"paths\":[\"Handler.cs\"]}}");

    public void Dispose() => connection.Dispose();

    private async Task<WireExchange> PostAsync(string target, byte[] body, IEnumerable<HeaderField> headers)
    {
        var request = new HttpMessage(
            $"POST {target} HTTP/1.1",
            [new("Host", address), new("User-Agent", UserAgent), .. headers, new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))],
            body,
            []);
        return new WireExchange(request, await connection.SendAsync(request));
    }

    /// <summary>An error body as the client writes it.</summary>
    public static byte[] ErrorBody(string errorType, string message) =>
        Encoding.UTF8.GetBytes($"{{\"errorType\":\"{errorType}\",\"errorMessage\":\"{message}\",\"stackTrace\":[\"at Handler.Run()\"]}}");
}
