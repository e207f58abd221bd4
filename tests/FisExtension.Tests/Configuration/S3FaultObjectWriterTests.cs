using System.Text;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Tests.Configuration;

/// <summary>The contract's S3 writer (fisctl's side) against a real s3rver, read back by the extension's own S3 store.</summary>
public sealed class S3FaultObjectWriterTests(S3rverFixture fixture) : IClassFixture<S3rverFixture>
{
    private readonly string _prefix = $"writer-{Guid.NewGuid():N}/";

    private IFaultObjectWriter Writer(string accessKey = S3rverProcess.Credential, string bucket = S3rverProcess.Bucket) =>
        FaultObjectWriters.Open(new S3ConfigurationLocation(bucket, _prefix), new S3Connection("us-east-1", fixture.Server.Endpoint, new AwsAccessKeys(accessKey, S3rverProcess.Credential, null)));

    [Fact(Timeout = 20_000)]
    public async Task PutObject_IsWhatTheExtensionsStoreListsAndReads_AndDeleteRemovesIt()
    {
        using var writer = Writer();
        var address = new FaultObjectAddress(writer.Location, "orders-get", "EXP1", "slow");
        var content = Encoding.UTF8.GetBytes("""{"schemaVersion":1}""");
        var s3 = new S3RestClient(new S3Connection("us-east-1", fixture.Server.Endpoint, new AwsAccessKeys(S3rverProcess.Credential, S3rverProcess.Credential, null)), TimeProvider.System);
        using var store = new S3FaultConfigurationStore(s3, (S3ConfigurationLocation)writer.Location, "orders-get");

        await writer.PutAsync(address.Key, content, CancellationToken.None);
        var listed = await store.ListAsync(CancellationToken.None);
        var read = await store.GetAsync(address.Key, 1024, CancellationToken.None);
        var existed = await writer.ExistsAsync(address.Key, CancellationToken.None);
        var keys = await writer.ListObjectKeysAsync(CancellationToken.None);
        await writer.DeleteAsync(address.Key, CancellationToken.None);
        await writer.DeleteAsync(address.Key, CancellationToken.None);

        Assert.Equal([address.Key], listed.Value!.Objects.Select(o => o.Key));
        Assert.Equal(content, read.Value);
        Assert.True(existed);
        Assert.Equal([address.Key], keys);
        Assert.False(await writer.ExistsAsync(address.Key, CancellationToken.None));
        Assert.Null(await writer.ReadAsync(address.Key, 1024, CancellationToken.None));
    }

    [Fact(Timeout = 20_000)]
    public async Task RefusedCredentials_FailThePut_WithTheVariablesToCheck()
    {
        using var writer = Writer(accessKey: "NOT-A-KEY");

        var failure = await Assert.ThrowsAsync<FaultObjectStoreException>(() => writer.PutAsync(_prefix + "orders-get/EXP1-slow.json", new byte[] { 1 }, CancellationToken.None));

        Assert.Equal(
            $"could not write s3://{S3rverProcess.Bucket}/{_prefix}orders-get/EXP1-slow.json: S3 refused the credentials (InvalidAccessKeyId). Check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.",
            failure.Message);
    }

    [Fact(Timeout = 20_000)]
    public async Task UnreachableStore_FailsTheDelete_NamingTheEndpointVariables()
    {
        var unreachable = new S3Connection("us-east-1", "http://127.0.0.1:9", null);
        using var writer = FaultObjectWriters.Open(new S3ConfigurationLocation("fis-configs", "FisConfigs/"), unreachable);

        var failure = await Assert.ThrowsAsync<FaultObjectStoreException>(() => writer.DeleteAsync("FisConfigs/orders-get/EXP1-slow.json", CancellationToken.None));

        Assert.StartsWith("could not delete s3://fis-configs/FisConfigs/orders-get/EXP1-slow.json: S3 could not be reached (", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) and the network.", failure.Message, StringComparison.Ordinal);
    }
}
