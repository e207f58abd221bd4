using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// The synthetic HTTP response for the triggers it is made for, with real-shaped events from
/// /work/shared/data/lambda-events: API Gateway REST (v1), HTTP API (v2) and an Application Load Balancer.
/// </summary>
public sealed class EventSourceTests
{
    private const string ServiceUnavailableJson = """{"message":"Service Unavailable","source":"aws-fis"}""";

    [Fact(Timeout = 60_000)]
    public async Task SyntheticResponse_HasStatusDescriptionForAnApplicationLoadBalancerOnly_AndMultiValueHeadersWhenItsEventHasThem()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPevents", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = 503,
            ["preventExecution"] = true,
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));

        var restApi = await harness.Emulator.InvokeAsync(Event("proxy-event.json"));
        var httpApi = await harness.Emulator.InvokeAsync(Event("http-api-v2-request.json"));
        var loadBalancer = await harness.Emulator.InvokeAsync(Event("alb-request-single-value.json"));
        var multiValueLoadBalancer = await harness.Emulator.InvokeAsync(Event("alb-request-multi-value.json"));

        HttpIntegrationResponseTests.AssertSyntheticResponse(restApi.Payload, 503, "application/json", ServiceUnavailableJson, statusDescription: null);
        HttpIntegrationResponseTests.AssertSyntheticResponse(httpApi.Payload, 503, "application/json", ServiceUnavailableJson, statusDescription: null);
        HttpIntegrationResponseTests.AssertSyntheticResponse(loadBalancer.Payload, 503, "application/json", ServiceUnavailableJson, "503 Service Unavailable");
        HttpIntegrationResponseTests.AssertSyntheticResponse(
            multiValueLoadBalancer.Payload, 503, "application/json", ServiceUnavailableJson, "503 Service Unavailable", multiValueHeaders: true);
        Assert.All([restApi, httpApi, loadBalancer, multiValueLoadBalancer], result => Assert.Null(result.FunctionError));
    }

    [Fact(Timeout = 60_000)]
    public async Task LoadBalancerEvent_ReachesTheHandlerUnchanged_AndItsResponseIsReplacedWithAPlainTextStatus()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPalb", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "429",
            ["contentTypeHeader"] = "text/plain",
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);
        var albEvent = Event("alb-request-single-value.json");

        var result = await harness.Emulator.InvokeAsync(albEvent);

        Assert.Equal(albEvent, runtime.Received[result.RequestId]);
        HttpIntegrationResponseTests.AssertSyntheticResponse(result.Payload, 429, "text/plain", "Too Many Requests (aws-fis)", "429 Too Many Requests");
    }

    [Fact(Timeout = 60_000)]
    public async Task LargeLoadBalancerEvent_ReachesTheHandlerByteForByte_AndIsStillRecognised()
    {
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPbig", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "503",
            ["preventExecution"] = "false",
        });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);

        // Just under Lambda's 6 MB synchronous payload limit, the body a base64 blob as an ALB would send it.
        var body = Convert.ToBase64String(Enumerable.Range(0, 4_400_000).Select(i => (byte)(i * 31)).ToArray());
        var bigEvent = System.Text.Encoding.UTF8.GetBytes(
            $$$"""{"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/big/1"}},"httpMethod":"POST","path":"/upload","isBase64Encoded":true,"body":"{{{body}}}"}""");
        Assert.InRange(bigEvent.Length, 5_000_000, 6_291_456);

        var result = await harness.Emulator.InvokeAsync(bigEvent);

        Assert.Equal(bigEvent, runtime.Received[result.RequestId]);
        HttpIntegrationResponseTests.AssertSyntheticResponse(result.Payload, 503, "application/json", ServiceUnavailableJson, "503 Service Unavailable");
    }

    private static byte[] Event(string name) => File.ReadAllBytes(Path.Combine(RepositoryPaths.Shared, "data", "lambda-events", name));
}
