namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>
/// A runtime that behaves on the wire like the official Go client, aws-lambda-go 1.54 (lambda-apis.md §5): one
/// keep-alive connection; every result and error posted chunked with a declared <c>Trailer</c> whose section is
/// empty; no error-type header on <c>/error</c> (the type is only in the body); the X-Ray cause, up to 1 MiB, in
/// <c>Lambda-Runtime-Function-Xray-Error-Cause</c> (that capitalisation). The real client exits on anything but
/// 200 to <c>/next</c> and 202 to a post, so a test asserts exactly those.
/// </summary>
internal sealed class GoClientRuntime(WireConnection connection, string address) : IDisposable
{
    private const string UserAgent = "aws-lambda-go/go1.23.4";

    public static async Task<GoClientRuntime> ConnectAsync(string address) => new(await WireConnection.OpenAsync(address), address);

    public async Task<WireExchange> NextAsync()
    {
        var request = new HttpMessage(
            "GET /2018-06-01/runtime/invocation/next HTTP/1.1",
            [new("Host", address), new("User-Agent", UserAgent), new("Accept-Encoding", "gzip")],
            [],
            []);
        return new WireExchange(request, await connection.SendAsync(request));
    }

    public Task<WireExchange> PostResponseAsync(string requestId, byte[] body) =>
        PostAsync($"/2018-06-01/runtime/invocation/{requestId}/response", body, xrayCause: null);

    public Task<WireExchange> PostErrorAsync(string requestId, byte[] body, string? xrayCause) =>
        PostAsync($"/2018-06-01/runtime/invocation/{requestId}/error", body, xrayCause);

    public void Dispose() => connection.Dispose();

    private async Task<WireExchange> PostAsync(string target, byte[] body, string? xrayCause)
    {
        // Go writes Host, User-Agent, the framing and the declared trailers, then the other headers sorted by name.
        var request = new HttpMessage(
            $"POST {target} HTTP/1.1",
            [
                new("Host", address),
                new("User-Agent", UserAgent),
                new("Transfer-Encoding", "chunked"),
                new("Trailer", "Lambda-Runtime-Function-Error-Body,Lambda-Runtime-Function-Error-Type"),
                new("Content-Type", "application/json"),
                .. xrayCause is null ? Array.Empty<HeaderField>() : [HeaderField.Utf8("Lambda-Runtime-Function-Xray-Error-Cause", xrayCause)],
                new("Accept-Encoding", "gzip"),
            ],
            body,
            []);
        return new WireExchange(request, await connection.SendAsync(request));
    }
}
