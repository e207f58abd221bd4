using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using FisExtension.Contract.Aws;
using FisExtension.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Contract;

/// <summary>
/// The S3 client's requests as they arrive on a real socket, and what it makes of S3's answers, including the ones
/// s3rver cannot give (a bucket in another Region, a proxy's error page).
/// </summary>
public sealed class S3RestClientTests
{
    private static readonly AwsAccessKeys Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "a-session-token");
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string Listing = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>fis-configs</Name><Prefix>FisConfigs/orders +/</Prefix><Contents><Key>FisConfigs/orders +/EXP1-delay.json</Key><ETag>&quot;abc&quot;</ETag><Size>12</Size></Contents></ListBucketResult>
        """;

    private static S3RestClient Client(RecordingHttpServer server, AwsAccessKeys? keys = null) =>
        new(new S3Connection("eu-west-1", server.Endpoint, keys), TimeProvider.System);

    [Fact(Timeout = 30_000)]
    public async Task List_IsOneSignedPathStyleGet_WithTheQueryEncodedAsSigV4Encodes()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(200, "OK", Listing));
        using var client = Client(server, Keys);

        var listing = await client.ListObjectsV2Async("fis-configs", "FisConfigs/orders +/", "/", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /fis-configs/?list-type=2&prefix=FisConfigs%2Forders%20%2B%2F&delimiter=%2F HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Equal(EmptySha256, Header(request, "X-Amz-Content-Sha256"));
        Assert.Equal("a-session-token", Header(request, "X-Amz-Security-Token"));
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/[0-9]{8}/eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$", Header(request, "Authorization"));
        Assert.Equal(SignatureOf(request, server), Header(request, "Authorization"));
        Assert.Equal(("FisConfigs/orders +/EXP1-delay.json", "\"abc\"", 12L), (listing.Objects[0].Key, listing.Objects[0].ETag, listing.Objects[0].Size));
    }

    [Fact(Timeout = 30_000)]
    public async Task Get_KeyGoesOnTheWireEncodedOnce_DotSegmentsAndAll_AndIsSignedAsSent()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(200, "OK", "{\"v\":1}"));
        using var client = Client(server, Keys);

        var bytes = await client.GetObjectAsync("fis-configs", "FisConfigs/a b+c(1)~é/../EXP1-delay.json", 100, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /fis-configs/FisConfigs/a%20b%2Bc%281%29~%C3%A9/../EXP1-delay.json HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Equal(SignatureOf(request, server), Header(request, "Authorization"));
        Assert.Equal("{\"v\":1}"u8.ToArray(), bytes);
    }

    [Fact(Timeout = 30_000)]
    public async Task Get_NoSuchKey_IsNoObject()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(404, "Not Found", "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"));
        using var client = Client(server, Keys);

        Assert.Null(await client.GetObjectAsync("fis-configs", "FisConfigs/orders/EXP1-delay.json", 100, CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task BucketInAnotherRegion_IsReportedWithItsRegion_AndTheRedirectIsNotFollowed()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(301, "Moved Permanently",
            "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message><Endpoint>fis-configs.s3.ap-south-1.amazonaws.com</Endpoint></Error>",
            "x-amz-bucket-region: ap-south-1", "Location: http://127.0.0.1:9/elsewhere"));
        using var client = Client(server, Keys);

        var error = await Assert.ThrowsAsync<S3ServiceException>(() => client.ListObjectsV2Async("fis-configs", "FisConfigs/", "/", CancellationToken.None));

        Assert.Equal((HttpStatusCode.MovedPermanently, "PermanentRedirect", "ap-south-1"), (error.StatusCode, error.ErrorCode, error.BucketRegion));
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task ErrorPageThatIsNotS3s_IsReportedByItsStatus()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(502, "Bad Gateway", "<html><body>upstream down</body></html>"));
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<S3ServiceException>(() => client.GetObjectAsync("fis-configs", "k", 100, CancellationToken.None));

        Assert.Equal((HttpStatusCode.BadGateway, (string?)null, "HTTP 502 Bad Gateway"), (error.StatusCode, error.ErrorCode, error.Message));
    }

    [Fact(Timeout = 30_000)]
    public async Task SuccessThatIsNotAListing_IsAFormatException()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(200, "OK", "<html>captive portal</html>"));
        using var client = Client(server);

        await Assert.ThrowsAsync<FormatException>(() => client.ListObjectsV2Async("fis-configs", "FisConfigs/", "/", CancellationToken.None));
    }

    [Fact(Timeout = 30_000)]
    public async Task BodyThatStopsComing_EndsTheRequestAtItsTimeout()
    {
        // Headers, then 2 of the 100 bytes promised, then nothing: HttpClient's own timeout would not cover the body.
        await using var server = new RecordingHttpServer(stallAfterAnswering: true, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var headers = new HeadersSeen();
        using var client = new S3RestClient(new S3Connection("eu-west-1", server.Endpoint, null), time, headers);

        var get = client.GetObjectAsync("fis-configs", "k", 1000, CancellationToken.None);
        // Only once the headers are in is the client reading the body, which is what must be bounded.
        await headers.Arrived.WaitAsync(TimeSpan.FromSeconds(15));
        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(100);
        Assert.False(get.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
    }

    /// <summary>The client's handler, completing <see cref="Arrived"/> once an answer's headers have been read.</summary>
    private sealed class HeadersSeen() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Arrived => _arrived.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            _arrived.TrySetResult();
            return response;
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task WithoutCredentials_RequestsGoUnsigned()
    {
        await using var server = new RecordingHttpServer(RecordingHttpServer.Response(200, "OK", "{}"));
        using var client = Client(server);

        await client.GetObjectAsync("fis-configs", "k", 100, CancellationToken.None);

        Assert.DoesNotContain("\r\nAuthorization:", Assert.Single(server.Requests), StringComparison.OrdinalIgnoreCase);
    }

    // Keys and a prefix that the URI and SigV4 encodings disagree about if either is wrong: reserved and unreserved
    // ASCII, '%', non-ASCII, an astral character, empty and dot segments, a trailing slash.
    [Theory(Timeout = 30_000)]
    [InlineData("FisConfigs/orders/EXP1-delay.json")]
    [InlineData("FisConfigs/a b+c=d&e?f#g:h@i!j*k'l(m)n,o;p$q~r_s-t.u")]
    [InlineData("FisConfigs/100%/é/\U0001F600.json")]
    [InlineData("FisConfigs//x/./y/../z/")]
    public async Task RequestTarget_IsWhatTheAwsSdkSends(string key)
    {
        await using var server = new RecordingHttpServer(
            RecordingHttpServer.Response(200, "OK", "{}"), RecordingHttpServer.Response(200, "OK", "{}"),
            RecordingHttpServer.Response(200, "OK", Listing), RecordingHttpServer.Response(200, "OK", Listing));
        using var ours = Client(server, Keys);
        using var sdk = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.AnonymousAWSCredentials(), new Amazon.S3.AmazonS3Config { ServiceURL = server.Endpoint, ForcePathStyle = true, MaxErrorRetry = 0 });

        await ours.GetObjectAsync("fis-configs", key, 100, CancellationToken.None);
        (await sdk.GetObjectAsync("fis-configs", key)).Dispose();
        await ours.ListObjectsV2Async("fis-configs", key, "/", CancellationToken.None);
        await sdk.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = "fis-configs", Prefix = key, Delimiter = "/" });

        var targets = server.Requests.Select(request => request[4..request.IndexOf(" HTTP/1.1", StringComparison.Ordinal)]).ToList();
        Assert.Equal(targets[1], targets[0]);
        Assert.Equal(QueryParameters(targets[3]).Where(p => p.Name is "list-type" or "prefix" or "delimiter").Order(), QueryParameters(targets[2]).Order());
        Assert.Equal(targets[3][..targets[3].IndexOf('?', StringComparison.Ordinal)], targets[2][..targets[2].IndexOf('?', StringComparison.Ordinal)]);
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(string target) =>
        target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(pair => pair.Split('=', 2)).Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""));

    private static string? Header(string request, string name) =>
        request.Split("\r\n").FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    /// <summary>The Authorization a server computes from the request as it arrived: its target and host, at its X-Amz-Date.</summary>
    private static string SignatureOf(string request, RecordingHttpServer server)
    {
        var target = request[4..request.IndexOf(" HTTP/1.1", StringComparison.Ordinal)];
        var arrived = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Endpoint + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        arrived.Headers.Host = Header(request, "Host");
        var time = DateTimeOffset.ParseExact(Header(request, "X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        SigV4Signer.Sign(arrived, Keys, "eu-west-1", SigV4Signer.S3Service, time, SHA256.HashData([]));
        return arrived.Headers.GetValues("Authorization").Single();
    }
}
