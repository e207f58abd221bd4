using BenchmarkDotNet.Attributes;
using FisExtension.RuntimeApi;
using Microsoft.AspNetCore.Http;

namespace FisExtension.MicroBenchmarks;

/// <summary>
/// Copying a runtime's request into the upstream request, as every forwarded request does: YARP's header copy plus
/// the proxy's raw request target. Headers as the official clients send an error: a few small ones, and an X-Ray
/// cause of the given size.
/// </summary>
[MemoryDiagnoser]
public class HeaderForwardingBenchmarks
{
    private readonly RawTargetTransformer _transformer = new();
    private DefaultHttpContext _context = null!;

    [Params(0, 16 * 1024, 1024 * 1024)]
    public int XRayCauseBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _context = new DefaultHttpContext();
        var request = _context.Request;
        request.Method = "POST";
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1:9100");
        request.Path = "/2018-06-01/runtime/invocation/8476a536-e9f4-11e8-9739-2dfe598c3fcd/error";
        request.Headers["Content-Type"] = "application/vnd.aws.lambda.error+json";
        request.Headers["Lambda-Runtime-Function-Error-Type"] = "System.InvalidOperationException";
        request.Headers["User-Agent"] = "aws-lambda-dotnet/2.1.2";
        request.ContentLength = 120;
        if (XRayCauseBytes > 0)
        {
            request.Headers["Lambda-Runtime-Function-XRay-Error-Cause"] = new string('x', XRayCauseBytes);
        }
    }

    [Benchmark]
    public async Task<HttpRequestMessage> CopyRequest()
    {
        var upstream = new HttpRequestMessage();
        await _transformer.TransformRequestAsync(_context, upstream, "http://127.0.0.1:9001", CancellationToken.None);
        return upstream;
    }
}
