using System.Net;
using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Tests.Harness;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Experiments.Tests.LambdaApi;

public sealed class LambdaApiFunctionResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Ready = new() { ["FISExperimentReady"] = "Yes" };

    private static LambdaApiFunctionResolver Resolver(Uri endpoint, AwsAccessKeys? credentials = null) =>
        new(new LambdaApiClient(
            new HttpClient(new SigV4SigningHandler(credentials, "eu-west-1", LambdaApiPaths.SigningService, new FakeTimeProvider(Now), new SocketsHttpHandler())),
            endpoint));

    private static TemplateTarget ByTags(Dictionary<string, string> tags) => new() { Name = "Orders", ResourceTags = tags, SelectionMode = SelectionMode.All };

    private static TemplateTarget ByArns(params string[] arns) => new() { Name = "Orders", ResourceArns = arns, SelectionMode = SelectionMode.All };

    [Fact(Timeout = 10_000)]
    public async Task TagTarget_FindsEveryFunctionCarryingAllTheTags_AcrossListPages()
    {
        await using var api = await FakeLambdaApi.StartAsync(pageSize: 2,
            new FakeFunction("orders-get", new(Ready) { ["team"] = "orders" }),
            new FakeFunction("orders-create", new(Ready)),
            new FakeFunction("billing", new() { ["team"] = "orders" }),
            new FakeFunction("untagged"),
            new FakeFunction("orders-list", new(Ready) { ["team"] = "orders" }));

        var found = await Resolver(api.Endpoint).FindAsync(ByTags(new(Ready) { ["team"] = "orders" }), CancellationToken.None);

        Assert.Equal(["orders-get", "orders-list"], found.Select(f => f.Name));
        Assert.Equal("orders", found[1].Tags["team"]);
        var lists = api.Requests.Where(r => r.Path == LambdaApiPaths.ListFunctions).Select(r => r.Query).ToList();
        Assert.Equal(["?MaxItems=50", "?MaxItems=50&Marker=2", "?MaxItems=50&Marker=4"], lists);
    }

    [Fact(Timeout = 10_000)]
    public async Task ArnTarget_ReadsEachFunctionsConfigurationLocation()
    {
        await using var api = await FakeLambdaApi.StartAsync(
            new FakeFunction("orders-get", Ready, new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = "s3://fis-configs/FisConfigs/", ["OTHER"] = "1" }),
            new FakeFunction("orders-list"));

        var found = await Resolver(api.Endpoint).FindAsync(ByArns(api.Functions[0].Arn, api.Functions[1].Arn), CancellationToken.None);

        Assert.Equal("s3://fis-configs/FisConfigs/", found[0].ConfigurationLocation);
        Assert.Equal("Yes", found[0].Tags["FISExperimentReady"]);
        Assert.Null(found[1].ConfigurationLocation);
        Assert.Contains(api.Requests, r => r.Path == $"/2015-03-31/functions/{api.Functions[0].Arn}/configuration");
    }

    [Fact(Timeout = 10_000)]
    public async Task MissingArn_FailsNamingTheTargetAndTheArn()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"));
        const string missing = "arn:aws:lambda:us-east-1:123456789012:function:gone";

        var exception = await Assert.ThrowsAsync<TargetResolutionException>(() => Resolver(api.Endpoint).FindAsync(ByArns(missing), CancellationToken.None));

        Assert.Equal($"target Orders: function {missing} does not exist at {api.Endpoint}. Nothing was started. Fix the ARN, or check --endpoint.", exception.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task Requests_AreSignedWithSigV4_AtTheInjectedTime()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Ready));

        await Resolver(api.Endpoint, new AwsAccessKeys("AKIDTEST", "secret", null)).FindAsync(ByTags(Ready), CancellationToken.None);

        Assert.Equal(3, api.Requests.Count);
        Assert.All(api.Requests, request =>
        {
            Assert.Equal("20261125T100000Z", request.Headers["x-amz-date"]);
            Assert.Matches("^AWS4-HMAC-SHA256 Credential=AKIDTEST/20261125/eu-west-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$", request.Headers["authorization"]);
        });
    }

    [Fact(Timeout = 10_000)]
    public async Task WithoutCredentials_RequestsGoUnsigned()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Ready));

        await Resolver(api.Endpoint).FindAsync(ByTags(Ready), CancellationToken.None);

        Assert.All(api.Requests, request => Assert.False(request.Headers.ContainsKey("authorization")));
    }

    [Fact(Timeout = 10_000)]
    public async Task RefusedRequest_IsReportedWithStatusTypeAndMessage()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get", Ready));
        api.Failure = (HttpStatusCode.Forbidden, "AccessDeniedException", "User is not authorized to perform: lambda:ListFunctions");

        var exception = await Assert.ThrowsAsync<TargetResolutionException>(() => Resolver(api.Endpoint).FindAsync(ByTags(Ready), CancellationToken.None));

        Assert.Equal($"target Orders: the Lambda API at {api.Endpoint} answered GET /2015-03-31/functions/ with 403 AccessDeniedException: User is not authorized to perform: lambda:ListFunctions. "
            + "Check the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and the region (AWS_REGION).", exception.Message);
    }

    [Fact(Timeout = 10_000)]
    public async Task UnreachableEndpoint_SaysHowToFixIt()
    {
        var endpoint = ClosedPort();

        var exception = await Assert.ThrowsAsync<TargetResolutionException>(() => Resolver(endpoint).FindAsync(ByTags(Ready), CancellationToken.None));

        Assert.StartsWith($"target Orders: cannot reach the Lambda API at {endpoint} (", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("Start the local stack, or pass --endpoint with its address.", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port that nothing listens on, and that no host of this process's own (port 0) can be given.</summary>
    internal static Uri ClosedPort() => new($"http://127.0.0.1:{FreePort.Next()}/");
}
