using System.Net;
using System.Text;
using FisExtension.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Tests.RuntimeApi;

public sealed class DirectRequestBodyHandlerTests
{
    private static readonly byte[] RuntimesBody = Encoding.UTF8.GetBytes("{\"result\":\"from the runtime's own request, ünïcode\"}");

    // A Content-Type whose value holds a Latin-1 byte that is not ASCII: header values pass as the bytes that came in.
    private const string ContentType = "application/json; note=caf\u00e9";

    [Fact]
    public async Task MarkedRequest_GoesOutWithTheRuntimesBodyBytes_AndTheSameContentHeaders()
    {
        var context = RuntimeRequest(RuntimesBody.Length);
        using var proxyRequest = ProxyRequest(context);

        DirectRequestBodyHandler.Mark(context, proxyRequest);
        var sent = await SendAsync(proxyRequest);

        Assert.Equal(RuntimesBody, sent.Body);
        Assert.Equal([("Content-Type", ContentType), ("Content-Length", $"{RuntimesBody.Length}")], sent.ContentHeaders);
    }

    [Fact]
    public async Task RequestWithExpect_IsNotMarked_AndGoesOutWithYarpsContent()
    {
        var context = RuntimeRequest(RuntimesBody.Length);
        context.Request.Headers.Expect = "100-continue";
        using var proxyRequest = ProxyRequest(context);

        DirectRequestBodyHandler.Mark(context, proxyRequest);
        var sent = await SendAsync(proxyRequest);

        Assert.Equal(YarpsBody, sent.Body);
    }

    [Fact]
    public async Task RequestOfUnknownLength_IsNotMarked_AndGoesOutWithYarpsContent()
    {
        var context = RuntimeRequest(contentLength: null);
        using var proxyRequest = ProxyRequest(context);

        DirectRequestBodyHandler.Mark(context, proxyRequest);
        var sent = await SendAsync(proxyRequest);

        Assert.Equal(YarpsBody, sent.Body);
    }

    /// <summary>Stands in for YARP's copying content: other bytes, so the test can tell which content went out.</summary>
    private static readonly byte[] YarpsBody = "YARP's copy"u8.ToArray();

    private static DefaultHttpContext RuntimeRequest(long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Body = new MemoryStream(RuntimesBody);
        context.Request.ContentLength = contentLength;
        return context;
    }

    private static HttpRequestMessage ProxyRequest(HttpContext context)
    {
        var content = new ByteArrayContent(YarpsBody);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        if (context.Request.ContentLength is { } length)
        {
            content.Headers.TryAddWithoutValidation("Content-Length", $"{length}");
        }

        return new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:9001/2018-06-01/runtime/invocation/id-1/response") { Content = content };
    }

    private static async Task<(byte[] Body, List<(string, string)> ContentHeaders)> SendAsync(HttpRequestMessage request)
    {
        var upstream = new RecordingUpstream();
        using var invoker = new HttpMessageInvoker(new DirectRequestBodyHandler(upstream));
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (upstream.Body, upstream.ContentHeaders);
    }

    private sealed class RecordingUpstream : HttpMessageHandler
    {
        public byte[] Body { get; private set; } = [];

        public List<(string, string)> ContentHeaders { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            foreach (var (name, values) in request.Content!.Headers.NonValidated)
            {
                ContentHeaders.AddRange(values.Select(value => (name, value)));
            }

            Body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
