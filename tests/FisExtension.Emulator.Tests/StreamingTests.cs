using System.Net;
using System.Text;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Response streaming from the runtime to the invoker.</summary>
public sealed class StreamingTests
{
    [Fact(Timeout = 30000)]
    public async Task StreamedResponse_ReachesTheHttpInvokerChunkByChunkWithTheErrorTrailers()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External(timeout: TimeSpan.FromSeconds(10)));
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var invoker = new HttpClient();

        var invoke = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, emulator.InvokeEndpoint) { Content = new StringContent("{}") },
            HttpCompletionOption.ResponseHeadersRead);
        var next = await runtime.NextAsync();
        await using var stream = await RawStreamingResponse.BeginAsync(emulator.RuntimeApiAddress, next.RequestId, "text/plain");
        await stream.ChunkAsync("hello "u8.ToArray());
        using var response = await invoke;
        var body = await response.Content.ReadAsStreamAsync();
        var firstChunk = await ReadExactlyAsync(body, 6);
        await stream.ChunkAsync("world"u8.ToArray());
        var status = await stream.EndAsync("Runtime.StreamError", "YmFk");
        var rest = await new StreamReader(body).ReadToEndAsync();

        Assert.Equal("hello ", firstChunk);
        Assert.Equal("world", rest);
        Assert.Equal("HTTP/1.1 202 Accepted", status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(next.RequestId, response.Headers.GetValues("X-Amzn-RequestId").Single());
        Assert.Equal("Runtime.StreamError", response.TrailingHeaders.GetValues("Lambda-Runtime-Function-Error-Type").Single());
        Assert.Equal("YmFk", response.TrailingHeaders.GetValues("Lambda-Runtime-Function-Error-Body").Single());
    }

    [Fact(Timeout = 30000)]
    public async Task StreamedResponse_IsReportedInTheResultWithItsTrailers()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);

        var invoke = emulator.InvokeAsync(Json.Bytes("{}"));
        var next = await runtime.NextAsync();
        await using (var stream = await RawStreamingResponse.BeginAsync(emulator.RuntimeApiAddress, next.RequestId, "application/octet-stream"))
        {
            await stream.ChunkAsync([1, 2, 3]);
            await stream.EndAsync("Handler.Failed", "eyJ4IjoxfQ==");
        }
        var result = await invoke;

        Assert.True(result.Streamed);
        Assert.Equal([1, 2, 3], result.Payload);
        Assert.Equal("Handler.Failed", result.ErrorTrailerType);
        Assert.Equal("eyJ4IjoxfQ==", result.ErrorTrailerBody);
    }

    [Fact(Timeout = 30000)]
    public async Task HttpIntegrationStream_PassesThroughAsBytes()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var runtime = new ExternalRuntime(emulator.RuntimeApiAddress);
        using var invoker = new HttpClient();
        byte[] prelude = [.. """{"statusCode":201,"headers":{"x":"y"}}"""u8.ToArray(), 0, 0, 0, 0, 0, 0, 0, 0, .. "body"u8.ToArray()];

        var invoke = invoker.PostAsync(emulator.InvokeEndpoint, new StringContent("{}"));
        var next = await runtime.NextAsync();
        await using (var stream = await RawStreamingResponse.BeginAsync(emulator.RuntimeApiAddress, next.RequestId,
            "application/vnd.awslambda.http-integration-response"))
        {
            await stream.ChunkAsync(prelude[..10]);
            await stream.ChunkAsync(prelude[10..]);
            await stream.EndAsync();
        }
        using var response = await invoke;

        Assert.Equal(prelude, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.awslambda.http-integration-response", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.TrailingHeaders);
    }

    private static async Task<string> ReadExactlyAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return Encoding.ASCII.GetString(buffer);
    }
}
