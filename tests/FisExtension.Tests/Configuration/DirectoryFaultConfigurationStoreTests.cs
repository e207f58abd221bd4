using System.Text.Json.Nodes;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Tests.Configuration.Support;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Configuration;

/// <summary>The directory store and the poller against a real local folder.</summary>
[Collection(RealClock.Name)]
public sealed class DirectoryFaultConfigurationStoreTests : IAsyncDisposable
{
    private const string FunctionName = "my-function";
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hot = TimeSpan.FromSeconds(20);

    private readonly string _root = Directory.CreateTempSubdirectory("fis-configs-").FullName;
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingLogger _logger = new();
    private CountingStore? _store;
    private FaultConfigurationPoller? _poller;

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact(Timeout = 30_000)]
    public async Task Poll_ReadsTheFunctionsOwnFolderOnly()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        await WriteAsync("other-function", "EXP1-error.json", FaultJson.Valid(FaultActionIds.InvocationError, start: T0, end: T0.AddHours(1)));

        var poller = await StartedPollerAsync(_root);

        var fault = Assert.Single(poller.Current.Faults);
        Assert.Equal(Path.Combine(_root, FunctionName, "EXP1-delay.json"), fault.Key);
        Assert.Contains($"polling directory for active faults impacting this Lambda function in {_root}/{FunctionName}/", _logger.Messages(300));
    }

    [Fact(Timeout = 30_000)]
    public async Task FileUrlLocation_IsReadLikeAPath()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));

        var source = FaultConfigurationSourceFactory.Create(
            Options.Default($"file://{_root}/"), _logger, _time);
        await using var _ = source;
        await source.StartAsync(CancellationToken.None);
        await ((FaultConfigurationPoller)source).PollInFlight;

        Assert.Single(source.Current.Faults);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnchangedFile_IsNotReadAgain()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var poller = await StartedPollerAsync(_root);

        await AdvanceAsync(Hot);
        await AdvanceAsync(Hot);

        Assert.Single(poller.Current.Faults);
        Assert.Equal((3, 1), (_store!.ListCount, _store.GetCount));
    }

    [Fact(Timeout = 30_000)]
    public async Task ChangedFile_IsReadAgain()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var poller = await StartedPollerAsync(_root);
        var changed = FaultJson.Valid(start: T0, end: T0.AddHours(1));
        changed["parameters"]!["startupDelayMilliseconds"] = "7000";
        await WriteAsync(FunctionName, "EXP1-delay.json", changed);

        await AdvanceAsync(Hot);

        Assert.Equal(7000, Assert.Single(poller.Current.Faults).StartupDelayMilliseconds);
        Assert.Equal(2, _store!.GetCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task DeletedFile_IsDropped()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var poller = await StartedPollerAsync(_root);

        File.Delete(Path.Combine(_root, FunctionName, "EXP1-delay.json"));
        await AdvanceAsync(Hot);

        Assert.Empty(poller.Current.Faults);
    }

    [Fact(Timeout = 30_000)]
    public async Task MissingFunctionFolder_MeansNoFaultsNotAFailure()
    {
        var poller = await StartedPollerAsync(_root);

        Assert.Empty(poller.Current.Faults);
        Assert.Empty(_logger.Messages(303));
        Assert.Single(_logger.Messages(301));
    }

    [Fact(Timeout = 30_000)]
    public async Task MissingRootDirectory_IsLoggedAsAFailureWithTheFix()
    {
        var poller = await StartedPollerAsync(Path.Combine(_root, "missing"));

        Assert.Empty(poller.Current.Faults);
        Assert.StartsWith("failed to retrieve active fault configurations: DirectoryNotFound. Directory ", Assert.Single(_logger.Messages(303)));
    }

    [Fact(Timeout = 30_000)]
    public async Task FilesTheExtensionWillNotRead_AreEachWarnedOnce_WithWhereItLooks()
    {
        var fault = FaultJson.Valid(start: T0, end: T0.AddHours(1));
        await File.WriteAllBytesAsync(Path.Combine(_root, "EXP1-delay.json"), fault.Bytes());
        await WriteAsync(FunctionName, "EXP2-delay.JSON", fault);
        await WriteAsync(Path.Combine(FunctionName, "EXP3"), "EXP3-delay.json", fault);
        await WriteAsync("My-Function", "EXP4-delay.json", fault);
        await WriteAsync("orders", "EXP5-delay.json", fault);
        var own = $"{_root}/{FunctionName}/";

        var poller = await StartedPollerAsync(_root);
        await AdvanceAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(poller.Current.Faults);
        Assert.Equal(
            [
                $"fault configuration {own}EXP2-delay.JSON is not read: only names ending in lowercase .json are. Rename it.",
                $"{own}EXP3/ is not read: only objects directly in {own} are, not in folders below it. Move its objects up.",
                $"fault configuration {_root}/EXP1-delay.json is one level too high and is not read: only objects in {own} are. Move it there.",
                $"nothing to read in {own}, but {_root}/My-Function/ holds objects. Check that AWS_LAMBDA_FUNCTION_NAME and AWS_FIS_CONFIGURATION_LOCATION match where the objects are written: <prefix><function-name>/<experiment-id>-<action-name>.json.",
            ],
            _logger.Entries.Where(e => e.EventId is >= 313 and <= 316).Select(e => e.Message));
    }

    [Fact(Timeout = 30_000)]
    public async Task Fifo_IsSkippedWithOneLine_AndTheValidFaultBesideItApplies()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var fifo = Fifo.Make(Path.Combine(_root, FunctionName, "EXP0-fifo.json"));

        var poller = await StartedPollerAsync(_root);
        await AdvanceAsync(Hot);

        Assert.Equal(Path.Combine(_root, FunctionName, "EXP1-delay.json"), Assert.Single(poller.Current.Faults).Key);
        Assert.Equal(
            $"fault configuration {fifo} was skipped unread: it is empty or not a regular file (a FIFO, a device or a socket). Write each fault configuration as a regular JSON file.",
            Assert.Single(_logger.Messages(312)));
    }

    [Fact(Timeout = 30_000)]
    public async Task FileReplacedByAFifoAfterTheListing_IsNotOpened()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var store = new DirectoryFaultConfigurationStore(new DirectoryConfigurationLocation(_root), FunctionName);
        var listed = Assert.Single((await store.ListAsync(CancellationToken.None)).Value!.Objects);
        File.Delete(listed.Key);
        Fifo.Make(listed.Key);

        var read = await Task.Run(() => store.GetAsync(listed.Key, 1024, CancellationToken.None));

        Assert.Equal((null, null), (read.Value, read.Failure));
    }

    [Fact(Timeout = 30_000)]
    public async Task Fifo_DoesNotHoldAnInvocationWaitingForThePoll()
    {
        var now = TimeProvider.System.GetUtcNow();
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: now.AddMinutes(-1), end: now.AddHours(1)));
        Fifo.Make(Path.Combine(_root, FunctionName, "EXP0-fifo.json"));
        // Long, so that a healthy poll on a loaded machine stays well inside it and only a hung one reaches it.
        var maxWait = TimeSpan.FromSeconds(10);
        _poller = new FaultConfigurationPoller(
            new DirectoryFaultConfigurationStore(new DirectoryConfigurationLocation(_root), FunctionName),
            Options.Default(maxWaitMilliseconds: (int)maxWait.TotalMilliseconds), TimeProvider.System, _logger);

        await _poller.StartAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await _poller.OnInvocationAsync(CancellationToken.None);
        waited.Stop();

        // Before the fix the open of the FIFO never returned: the poll hung and every invocation waited the full
        // maximum, then ran without the fault.
        Assert.True(waited.Elapsed < maxWait, $"the invocation waited {waited.Elapsed.TotalMilliseconds} ms");
        Assert.Single(_poller.Current.Faults);
    }

    [Fact(Timeout = 30_000)]
    public async Task SymlinkOutOfTheFolder_IsNotRead_AndTheValidFaultBesideItApplies()
    {
        await WriteAsync(FunctionName, "EXP1-delay.json", FaultJson.Valid(start: T0, end: T0.AddHours(1)));
        var outside = Directory.CreateTempSubdirectory("fis-outside-").FullName;
        try
        {
            var target = Path.Combine(outside, "EXP2-error.json");
            await File.WriteAllBytesAsync(target, FaultJson.Valid(FaultActionIds.InvocationError, start: T0, end: T0.AddHours(1)).Bytes());
            var link = Path.Combine(_root, FunctionName, "EXP2-error.json");
            File.CreateSymbolicLink(link, target);

            var poller = await StartedPollerAsync(_root);

            Assert.Equal(FaultKind.StartDelay, Assert.Single(poller.Current.Faults).Kind);
            Assert.Equal(
                $"fault configuration {link} was skipped unread: it is a symbolic link to {target}, outside {_root}/. Links are read only when they resolve inside the configuration folder; copy the file instead.",
                Assert.Single(_logger.Messages(312)));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task SymlinkInsideTheFolder_IsRead()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(shared, "EXP2-error.json"), FaultJson.Valid(FaultActionIds.InvocationError, start: T0, end: T0.AddHours(1)).Bytes());
        Directory.CreateDirectory(Path.Combine(_root, FunctionName));
        File.CreateSymbolicLink(Path.Combine(_root, FunctionName, "EXP2-error.json"), "../shared/EXP2-error.json");

        var poller = await StartedPollerAsync(_root);

        Assert.Equal(FaultKind.InvocationError, Assert.Single(poller.Current.Faults).Kind);
        Assert.Empty(_logger.Messages(312));
    }

    private async Task<FaultConfigurationPoller> StartedPollerAsync(string root)
    {
        _store = new CountingStore(new DirectoryFaultConfigurationStore(new DirectoryConfigurationLocation(root), FunctionName));
        _poller = new FaultConfigurationPoller(_store, Options.Default(), _time, _logger);
        await _poller.StartAsync(CancellationToken.None);
        await _poller.PollInFlight;
        return _poller;
    }

    private async Task AdvanceAsync(TimeSpan span)
    {
        _time.Advance(span);
        await _poller!.PollInFlight;
    }

    private async Task WriteAsync(string functionName, string name, JsonNode json)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, functionName));
        await File.WriteAllBytesAsync(Path.Combine(directory.FullName, name), json.Bytes());
    }
}
