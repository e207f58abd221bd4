using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FisExtension.Configuration;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>An in-memory store that counts requests, can fail, and can hold list requests to keep a poll in flight.</summary>
internal sealed class FakeStore : IFaultConfigurationStore
{
    public const string Prefix = "FisConfigs/my-function/";

    private readonly ConcurrentDictionary<string, (byte[] Content, string ETag)> _objects = new();
    private int _version;
    private int _listsInFlight;
    private TaskCompletionSource? _listGate;
    private bool _ignoreCancellation;
    private readonly TaskCompletionSource _listHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Description => "S3";

    /// <summary>Completes when a list request is being held, i.e. a poll is surely in flight.</summary>
    public Task ListHeld => _listHeld.Task;

    public const string Root = "FisConfigs/";

    public string FunctionPrefix => Prefix;

    public string FunctionLocation => $"s3://fake-bucket/{Prefix}";

    public int RootListCount;

    public int ListCount;

    public int GetCount;

    public int MaxListsInFlight;

    /// <summary>When set, every call fails with it.</summary>
    public StoreFailure? Failure { get; set; }

    /// <summary>When set, listing the root fails with it, as for a role allowed only the function's own prefix.</summary>
    public StoreFailure? RootFailure { get; set; }

    /// <summary>When set, <see cref="GetAsync"/> answers this many bytes more than stored (an object grown since listed).</summary>
    public int ExtraBytesOnGet { get; set; }

    public string Put(string name, JsonNode json) => Put(name, json.Bytes());

    public string Put(string name, byte[] content)
    {
        var key = Prefix + name;
        _objects[key] = (content, $"\"etag-{Interlocked.Increment(ref _version)}\"");
        return key;
    }

    public void Delete(string name) => _objects.TryRemove(Prefix + name, out _);

    /// <summary>Holds list requests until the returned source is completed.</summary>
    public TaskCompletionSource HoldLists() => _listGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds list requests like <see cref="HoldLists"/>, deaf to cancellation: a store that never answers.</summary>
    public TaskCompletionSource HoldListsIgnoringCancellation()
    {
        _ignoreCancellation = true;
        return HoldLists();
    }

    public async Task<StoreResult<StoreListing>> ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ListCount);
        var inFlight = Interlocked.Increment(ref _listsInFlight);
        MaxListsInFlight = Math.Max(MaxListsInFlight, inFlight);
        try
        {
            if (_listGate is { } gate)
            {
                _listHeld.TrySetResult();
                await (_ignoreCancellation ? gate.Task : gate.Task.WaitAsync(cancellationToken));
            }

            if (Failure is { } failure)
            {
                return failure;
            }

            return StoreResult<StoreListing>.Success(new StoreListing(
                _objects.Where(o => o.Key.StartsWith(Prefix, StringComparison.Ordinal)).Select(o => new StoredObject(o.Key, o.Value.ETag, o.Value.Content.Length)).ToList(),
                []));
        }
        finally
        {
            Interlocked.Decrement(ref _listsInFlight);
        }
    }

    /// <summary>The objects directly under <see cref="Root"/> and its folders, as S3 lists them with a delimiter.</summary>
    public Task<StoreResult<StoreListing>> ListRootAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref RootListCount);
        if ((RootFailure ?? Failure) is { } failure)
        {
            return Task.FromResult<StoreResult<StoreListing>>(failure);
        }

        var below = _objects.Keys.Where(key => key.StartsWith(Root, StringComparison.Ordinal)).Select(key => key[Root.Length..]).ToList();
        return Task.FromResult(StoreResult<StoreListing>.Success(new StoreListing(
            below.Where(rest => !rest.Contains('/', StringComparison.Ordinal)).Select(rest => new StoredObject(Root + rest, _objects[Root + rest].ETag, _objects[Root + rest].Content.Length)).ToList(),
            below.Where(rest => rest.Contains('/', StringComparison.Ordinal)).Select(rest => $"s3://fake-bucket/{Root}{rest[..(rest.IndexOf('/', StringComparison.Ordinal) + 1)]}").Distinct().ToList())));
    }

    /// <summary>Puts an object at any key, e.g. one level too high.</summary>
    public void PutAt(string key, JsonNode json) => _objects[key] = (json.Bytes(), $"\"etag-{Interlocked.Increment(ref _version)}\"");

    public Task<StoreResult<byte[]?>> GetAsync(string key, int maxBytes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref GetCount);
        if (Failure is { } failure)
        {
            return Task.FromResult<StoreResult<byte[]?>>(failure);
        }

        if (!_objects.TryGetValue(key, out var stored))
        {
            return Task.FromResult(StoreResult<byte[]?>.Success(null));
        }

        var content = stored.Content.Concat(new byte[ExtraBytesOnGet]).Take(maxBytes + 1).ToArray();
        return Task.FromResult(StoreResult<byte[]?>.Success(content));
    }
}
