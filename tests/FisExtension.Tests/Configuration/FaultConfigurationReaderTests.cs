using System.Text;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Tests.Configuration;

public class FaultConfigurationReaderTests
{
    private readonly FakeStore _store = new();
    private readonly RecordingLogger _logger = new();
    private readonly FaultConfigurationReader _reader;

    public FaultConfigurationReaderTests() => _reader = new FaultConfigurationReader(_store, _logger);

    [Fact(Timeout = 30_000)]
    public async Task UnchangedObject_IsListedButNotFetchedAgain()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());

        await ReadAsync();
        var second = await ReadAsync();

        Assert.Single(second);
        Assert.Equal(2, _store.ListCount);
        Assert.Equal(1, _store.GetCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task ChangedObject_IsFetchedAgain()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());
        await ReadAsync();
        var changed = FaultJson.Valid();
        changed["parameters"]!["startupDelayMilliseconds"] = "5000";
        _store.Put("EXP1-delay.json", changed);

        var definitions = await ReadAsync();

        Assert.Equal(5000, Assert.Single(definitions).StartupDelayMilliseconds);
        Assert.Equal(2, _store.GetCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeletedObject_IsDropped()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());
        _store.Put("EXP1-error.json", FaultJson.Valid(FaultActionIds.InvocationError));
        await ReadAsync();
        _store.Delete("EXP1-delay.json");

        var definitions = await ReadAsync();

        Assert.Equal(FaultKind.InvocationError, Assert.Single(definitions).Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task InvalidObject_IsLoggedOncePerVersionNotOncePerPoll()
    {
        var invalid = FaultJson.Valid();
        invalid["parameters"]!["startupDelayMilliseconds"] = "1200000";
        invalid.Remove("endTime");
        var key = _store.Put("EXP1-delay.json", invalid);

        await ReadAsync();
        await ReadAsync();
        await ReadAsync();

        var message = Assert.Single(_logger.Messages(304));
        Assert.StartsWith($"fault configuration {key} is invalid and was skipped: ", message);
        Assert.Contains("endTime is missing.", message);
        Assert.Contains("startupDelayMilliseconds 1200000 is above 900000. Use at most 900000 (15 minutes).", message);

        _store.Put("EXP1-delay.json", invalid);
        await ReadAsync();
        Assert.Equal(2, _logger.Messages(304).Count());
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownActionId_IsSkippedWithOneWarning()
    {
        var unknown = FaultJson.Valid();
        unknown["actionId"] = "aws:lambda:invocation-teleport";
        _store.Put("EXP1-teleport.json", unknown);
        _store.Put("EXP1-delay.json", FaultJson.Valid());

        var definitions = await ReadAsync();
        await ReadAsync();

        Assert.Single(definitions);
        var warning = Assert.Single(_logger.Entries, e => e.EventId == 305);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("unknown actionId \"aws:lambda:invocation-teleport\". Use one of aws:lambda:invocation-add-delay", warning.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task ObjectListedAbove256KiB_IsSkippedUnreadWithOneWarning()
    {
        var padded = FaultJson.Valid();
        padded["padding"] = new string(' ', FaultObjectSchema.MaxObjectBytes);
        _store.Put("EXP1-big.json", padded);

        Assert.Empty(await ReadAsync());
        Assert.Empty(await ReadAsync());

        Assert.Equal(0, _store.GetCount);
        Assert.Contains("is above the limit of 262144 bytes (256 KiB)", Assert.Single(_logger.Messages(306)));
    }

    [Fact(Timeout = 30_000)]
    public async Task ObjectThatGrewAbove256KiBAfterListing_IsSkipped()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());
        _store.ExtraBytesOnGet = FaultObjectSchema.MaxObjectBytes;

        Assert.Empty(await ReadAsync());
        Assert.Single(_logger.Messages(306));
    }

    [Fact(Timeout = 30_000)]
    public async Task MoreThan100Objects_ReadsTheFirst100ByKeyAndNamesTheSkippedOnce()
    {
        for (var i = 0; i < 103; i++)
        {
            _store.Put($"EXP{i:000}-delay.json", FaultJson.Valid(experimentId: $"EXP{i:000}"));
        }

        var definitions = await ReadAsync();
        await ReadAsync();

        Assert.Equal(100, definitions.Length);
        Assert.Equal(100, _store.GetCount);
        var warning = Assert.Single(_logger.Messages(307));
        Assert.Contains("103 fault configurations under s3://fake-bucket/FisConfigs/my-function/ is above the limit of 100", warning);
        Assert.Contains("skipped: FisConfigs/my-function/EXP100-delay.json, FisConfigs/my-function/EXP101-delay.json, FisConfigs/my-function/EXP102-delay.json.", warning);
    }

    [Fact(Timeout = 30_000)]
    public async Task KeysNotEndingInJson_AreIgnored()
    {
        _store.Put("README.txt", Encoding.UTF8.GetBytes("notes"));
        _store.Put("", []);

        Assert.Empty(await ReadAsync());
        Assert.Equal(0, _store.GetCount);
        Assert.Empty(_logger.Entries);
    }

    [Fact(Timeout = 30_000)]
    public async Task KeyEndingInUppercaseJson_IsNotReadAndWarnedOnce()
    {
        _store.Put("EXP1-delay.JSON", FaultJson.Valid());

        Assert.Empty(await ReadAsync());
        Assert.Empty(await ReadAsync());

        Assert.Equal(0, _store.GetCount);
        Assert.Equal(
            "fault configuration FisConfigs/my-function/EXP1-delay.JSON is not read: only names ending in lowercase .json are. Rename it.",
            Assert.Single(_logger.Messages(313)));
    }

    [Fact(Timeout = 30_000)]
    public async Task EmptyPrefix_ListsTheRootOnceEveryTenPolls_AndWarnsOnceAboutAnObjectOneLevelTooHigh()
    {
        _store.PutAt("FisConfigs/EXP1-delay.json", FaultJson.Valid());

        Assert.Empty(await ReadTimesAsync(21));

        Assert.Equal((21, 3), (_store.ListCount, _store.RootListCount));
        Assert.Equal(
            "fault configuration FisConfigs/EXP1-delay.json is one level too high and is not read: only objects in s3://fake-bucket/FisConfigs/my-function/ are. Move it there.",
            Assert.Single(_logger.Messages(315)));
    }

    [Fact(Timeout = 30_000)]
    public async Task EmptyPrefix_BesideALookAlikePrefix_IsWarnedOnce_ButNotBesideOtherFunctions()
    {
        _store.PutAt("FisConfigs/My-Function/EXP1-delay.json", FaultJson.Valid());
        _store.PutAt("FisConfigs/my-function-v2/EXP1-delay.json", FaultJson.Valid());
        _store.PutAt("FisConfigs/orders/EXP1-delay.json", FaultJson.Valid());

        await ReadTimesAsync(11);

        Assert.Equal(
            "nothing to read in s3://fake-bucket/FisConfigs/my-function/, but s3://fake-bucket/FisConfigs/My-Function/ holds objects. Check that AWS_LAMBDA_FUNCTION_NAME and AWS_FIS_CONFIGURATION_LOCATION match where the objects are written: <prefix><function-name>/<experiment-id>-<action-name>.json.",
            Assert.Single(_logger.Messages(316)));
    }

    [Fact(Timeout = 30_000)]
    public async Task RootThatCannotBeListed_IsNotTriedAgain()
    {
        _store.RootFailure = new StoreFailure("AccessDenied", "Allow s3:ListBucket.");

        await ReadTimesAsync(21);

        Assert.Equal(1, _store.RootListCount);
        Assert.Empty(_logger.Entries);
    }

    [Fact(Timeout = 30_000)]
    public async Task PrefixWithObjects_NeverListsTheRoot()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());
        _store.PutAt("FisConfigs/EXP2-delay.json", FaultJson.Valid());

        await ReadTimesAsync(11);

        Assert.Equal(0, _store.RootListCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task StoreFailure_IsReturnedAsAValue()
    {
        _store.Put("EXP1-delay.json", FaultJson.Valid());
        _store.Failure = new StoreFailure("AccessDenied", "Allow s3:ListBucket.");

        var result = await _reader.ReadAsync(CancellationToken.None);

        Assert.Equal("AccessDenied", result.Failure?.Reason);
    }

    /// <summary>Polls <paramref name="times"/> times and returns the definitions of the last poll.</summary>
    private async Task<System.Collections.Immutable.ImmutableArray<FaultDefinition>> ReadTimesAsync(int times)
    {
        var definitions = await ReadAsync();
        for (var poll = 1; poll < times; poll++)
        {
            definitions = await ReadAsync();
        }

        return definitions;
    }

    private async Task<System.Collections.Immutable.ImmutableArray<FaultDefinition>> ReadAsync()
    {
        var result = await _reader.ReadAsync(CancellationToken.None);
        Assert.Null(result.Failure);
        return result.Value;
    }
}
